using LetterPipeline.Core.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LetterPipeline.Core;

/// <summary>A problem in a letter that did not stop its conversion.</summary>
public sealed record ParseWarning(int Page, string Message);

public sealed record ParseResult(Letter Letter, IReadOnlyList<ParseWarning> Warnings);

/// <summary>The pipeline, top to bottom: PDF bytes → positioned lines → classified blocks → Letter.</summary>
public sealed class LetterParser
{
    public ParseResult Parse(byte[] pdf, string fileName, string sha256)
    {
        PdfInputGuard.Check(pdf);
        using var document = Open(pdf);
        var warnings = new List<ParseWarning>();
        var paragraphs = new List<Paragraph>();
        foreach (var page in document.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                paragraphs.Add(new Paragraph(word.Text, [], false));
            }
        }

        var letter = new Letter(new SourceInfo(fileName, sha256, document.NumberOfPages), null, null,
            [new Section(0, null, paragraphs)], [], []);
        return new ParseResult(letter, warnings);
    }

    private static PdfDocument Open(byte[] pdf)
    {
        try
        {
            return PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new LetterFormatException(FailureCode.Encrypted, "The PDF is encrypted with a user password.", "open", ex);
        }
        catch (PdfDocumentFormatException ex)
        {
            throw new LetterFormatException(FailureCode.Corrupt, $"The PDF structure cannot be read: {ex.Message}", "open", ex);
        }
    }
}
