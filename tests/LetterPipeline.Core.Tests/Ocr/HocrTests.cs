using LetterPipeline.Core.Ocr;

namespace LetterPipeline.Core.Tests.Ocr;

public sealed class HocrTests
{
    // The shape Tesseract 5 writes with -c hocr_char_boxes=1 (abridged).
    private const string Page = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
         <body>
          <div class='ocr_page' id='page_1' title='bbox 0 0 2481 3508'>
           <div class='ocr_carea' id='block_1_1' title="bbox 495 1545 1974 1593">
            <p class='ocr_par' id='par_1_1' lang='nld' title="bbox 495 1545 1974 1593">
             <span class='ocr_line' id='line_1_1' title="bbox 1273 1605 1408 1655; baseline 0.011 -12; x_size 39; x_descenders 9; x_ascenders 8">
              <span class='ocrx_word' id='word_1_1' title='bbox 1273 1611 1408 1644; x_wconf 73'>
               <span class='ocrx_cinfo' title='x_bboxes 1273 1615 1296 1643; x_conf 98.9'>Z</span>
               <span class='ocrx_cinfo' title='x_bboxes 1377 1611 1391 1644; x_conf 96.1'>&#8217;</span>
               <span class='ocrx_cinfo' title='x_bboxes 1388 1611 1408 1644; x_conf 97.8'>.</span>
              </span>
              <span class='ocrx_word' id='word_1_2' title='bbox 1426 1616 1486 1645; x_wconf 96'>Het</span>
             </span>
            </p>
           </div>
          </div>
         </body>
        </html>
        """;

    [Fact]
    public void Read_TesseractHocr_GivesLinesWordsCharactersAndBaseline()
    {
        var line = Assert.Single(Hocr.Read(Page));

        Assert.Equal(["Z’.", "Het"], line.Words.Select(w => w.Text));
        Assert.Equal(new PixelBox(1377, 1611, 1391, 1644), line.Words[0].Chars[1].Box);
        Assert.Equal(73, line.Words[0].Confidence);
        Assert.Empty(line.Words[1].Chars);
        Assert.Equal(1655 - 12 + (0.011 * 100), line.BaselineAt(1373), 6);
    }

    [Fact]
    public void Read_NotXml_FailsAsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Hocr.Read("<html><span class='ocr_line'>"));
}
