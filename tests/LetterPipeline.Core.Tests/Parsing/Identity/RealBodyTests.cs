using System.Text.Json;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Identity;

/// <summary>
/// No letterhead, address or table-of-contents line reaches the body of a published document: not as a paragraph,
/// not as a heading. The gold files' furniture lists (the printed letterhead and mastheads) and the shapes of those
/// lines are the expectation.
/// </summary>
public sealed partial class RealBodyTests
{
    public static TheoryData<string> Documents() => RealDocuments.All();

    [Theory]
    [MemberData(nameof(Documents))]
    public void Parse_RealDocument_KeepsLetterheadAddressAndContentsOutOfTheBody(string name)
    {
        var letter = RealDocuments.Parse(name);
        var texts = letter.Sections.SelectMany(s => s.Paragraphs.Select(p => p.Text).Prepend(s.Heading ?? "")).Where(t => t.Length > 0).ToList();

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain("Retouradres", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(LabelRow(), text);
            Assert.DoesNotMatch(PostalLine(), text);
            Assert.DoesNotMatch(ContentsEntry(), text);
            Assert.DoesNotMatch(ContentsHeading(), text);
        });
        var body = string.Join("\n", texts);
        foreach (var furniture in GoldFurniture(name))
        {
            Assert.DoesNotContain(furniture, body, StringComparison.Ordinal);
        }
    }

    /// <summary>The furniture strings of the document's gold file, when it has one (short ones say too little).</summary>
    private static IEnumerable<string> GoldFurniture(string name)
    {
        var gold = Path.ChangeExtension(RealDocuments.PathOf(name), ".gold.json");
        if (!File.Exists(gold))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(gold));
        return document.RootElement.TryGetProperty("furniture", out var furniture)
            ? furniture.EnumerateArray().Select(f => f.GetString()!).Where(f => f.Length > 6).ToList()
            : [];
    }

    // A letterhead row: "Datum 18 oktober 2023", "Betreft …", "Kenmerk …" opening a paragraph or heading.
    [GeneratedRegex(@"^(?:Datum|Betreft|Onderwerp|Kenmerk|Ons kenmerk|Uw kenmerk|Uw brief|Bijlage\(n\)|Contactpersoon)(?:\s|:|$)")]
    private static partial Regex LabelRow();

    // "Postbus 20018", "2500 EA DEN HAAG", "2511 VX Den Haag".
    [GeneratedRegex(@"\bPostbus \d+|\b[1-9]\d{3} ?[A-Z]{2} (?:[A-Z]{2,}|[A-Z][a-z]+)\b")]
    private static partial Regex PostalLine();

    // "2. Procedureverloop ........ 4", "Datalekken ……… 57".
    [GeneratedRegex(@"(?:[.…]\s?){4,}\s*\d{1,4}\b")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"^(?:Inhoudsopgave|Inhoud)$")]
    private static partial Regex ContentsHeading();
}
