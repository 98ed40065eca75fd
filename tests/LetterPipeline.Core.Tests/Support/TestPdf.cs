using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LetterPipeline.Core.Tests.Support;

/// <summary>Builds small A4 PDFs in the test, line by line, in Helvetica (regular and bold).</summary>
internal sealed class TestPdf
{
    private readonly PdfDocumentBuilder builder = new();
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private readonly PdfDocumentBuilder.AddedFont italic;
    private PdfPageBuilder? page;

    public TestPdf()
    {
        regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        italic = builder.AddStandard14Font(Standard14Font.HelveticaOblique);
    }

    public TestPdf Page()
    {
        page = builder.AddPage(PageSize.A4);
        return this;
    }

    public TestPdf Text(string text, double x, double y, double size = 10, bool isBold = false, bool isItalic = false)
    {
        (page ?? Page().page!).AddText(text, size, new PdfPoint(x, y), isBold ? bold : isItalic ? italic : regular);
        return this;
    }

    /// <summary>Body lines from <paramref name="top"/> down at a 14 pt pitch; returns the baseline after the last.</summary>
    public TestPdf Lines(double top, params string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            Text(lines[i], 72, top - (i * 14));
        }

        return this;
    }

    /// <summary>
    /// <paramref name="text"/> in regular Helvetica with an underline drawn as Word and LibreOffice draw one: a thin stroked
    /// line, or (<paramref name="asBar"/>) a thin filled rectangle, just below the baseline and as wide as the text.
    /// </summary>
    public TestPdf Underlined(string text, double x, double y, double size = 10, bool asBar = false)
    {
        Text(text, x, y, size);
        var width = WidthOf(text, size);
        if (asBar)
        {
            page!.DrawRectangle(new PdfPoint(x, y - 2.2), width, 0.6, lineWidth: 0, fill: true);
        }
        else
        {
            page!.DrawLine(new PdfPoint(x, y - 1.8), new PdfPoint(x + width, y - 1.8), 0.5);
        }

        return this;
    }

    /// <summary>A thin stroked horizontal line from <paramref name="x1"/> to <paramref name="x2"/>: a table border or a separator.</summary>
    public TestPdf Rule(double x1, double x2, double y)
    {
        (page ?? Page().page!).DrawLine(new PdfPoint(x1, y), new PdfPoint(x2, y), 0.5);
        return this;
    }

    /// <summary>The width <paramref name="text"/> takes in regular Helvetica at <paramref name="size"/>, to place a marker after it.</summary>
    public double WidthOf(string text, double size = 10) =>
        (page ?? Page().page!).MeasureText(text, size, PdfPoint.Origin, regular)[^1].EndBaseLine.X;

    public byte[] Build() => builder.Build();

    public static IReadOnlyList<Page> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().ToList();
    }
}
