using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LetterPipeline.Tests.Tracking;

/// <summary>A one-page letter whose title is attacker-chosen text, with a footnote that cites a Kamerstuk.</summary>
internal static class HostilePdf
{
    private static readonly string[] Body =
    [
        "Hierbij ontvangt u de geannoteerde agenda voor de bijeenkomst van de ministers van Buitenlandse",
        "Zaken. Het kabinet zet zich in voor een eensgezinde Europese reactie op de ontwikkelingen in de",
        "regio en informeert uw Kamer over de voortgang, zoals toegezegd in het commissiedebat.",
        "De Raad spreekt verder over de steun aan Oekraine en over de samenwerking met de partners in de",
        "regio, waarbij het kabinet het belang van een gezamenlijke aanpak onderstreept.",
    ];

    public static byte[] Build(string title, string footnote)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(title, 12, new PdfPoint(72, 780), bold);
        for (var i = 0; i < Body.Length; i++)
        {
            page.AddText(Body[i], 10, new PdfPoint(72, 740 - (i * 14)), regular);
        }

        // A raised, smaller footnote marker after the last body line, and the footnote at the page bottom.
        var last = Body[^1];
        var end = page.MeasureText(last, 10, new PdfPoint(72, 740 - ((Body.Length - 1) * 14)), regular)[^1].EndBaseLine.X;
        page.AddText("1", 6.4, new PdfPoint(end + 0.5, 740 - ((Body.Length - 1) * 14) + 4.3), regular);
        page.AddText("1", 6.4, new PdfPoint(72, 114), regular);
        page.AddText(footnote, 8, new PdfPoint(80, 110), regular);
        return builder.Build();
    }
}
