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

    /// <summary>A second letter's body: two letters with one body are versions of one letter.</summary>
    public static readonly string[] OtherBody =
    [
        "Met deze brief informeer ik uw Kamer over de stand van zaken rond de stikstofaanpak in de provincies",
        "en de voortgang van de gebiedsprogramma's. De provincies hebben hun plannen ingediend en het Rijk",
        "beoordeelt deze plannen voor de zomer, met aandacht voor de uitvoerbaarheid voor boeren.",
        "Daarnaast ga ik in op de motie over de financiering van natuurherstel en op de vragen die in het",
        "laatste commissiedebat over de uitkoopregelingen zijn gesteld.",
    ];

    public static byte[] Build(string title, string footnote, string[]? body = null)
    {
        body ??= Body;
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(title, 12, new PdfPoint(72, 780), bold);
        for (var i = 0; i < body.Length; i++)
        {
            page.AddText(body[i], 10, new PdfPoint(72, 740 - (i * 14)), regular);
        }

        // A raised, smaller footnote marker after the last body line, and the footnote at the page bottom.
        var last = body[^1];
        var end = page.MeasureText(last, 10, new PdfPoint(72, 740 - ((body.Length - 1) * 14)), regular)[^1].EndBaseLine.X;
        page.AddText("1", 6.4, new PdfPoint(end + 0.5, 740 - ((body.Length - 1) * 14) + 4.3), regular);
        page.AddText("1", 6.4, new PdfPoint(72, 114), regular);
        page.AddText(footnote, 8, new PdfPoint(80, 110), regular);
        return builder.Build();
    }
}
