using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing.Identity;

namespace LetterPipeline.Core.Parsing;

/// <summary>The letter's own Kamerstuk identity and the header-block lines on page 1 that carry it.</summary>
/// <summary>What the header block gave: the identity, the lines it occupies, and whether page 1 prints it.</summary>
/// <param name="Identity">The identity, when the document prints one.</param>
/// <param name="HeaderLines">The header block's lines, kept out of the body.</param>
/// <param name="HasHeaderBlock">True when page 1 prints the header block with its "Nr. N" row: the document is the Kamerstuk print itself.</param>
internal sealed record KamerstukHeader(LetterIdentity? Identity, IReadOnlySet<TextLine> HeaderLines, bool HasHeaderBlock = false);

/// <summary>
/// Reads the Kamerstuk print's header block ("Vergaderjaar 2022–2023", "21 501-02 …", "Nr. 2586 …",
/// "Den Haag, 18 november 2022") and its running footer ("Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2586").
/// </summary>
internal static partial class KamerstukIdentityParser
{
    /// <summary>The document's own Kamerstuk identity from its header block and running footer, and the header block's lines.</summary>
    /// <param name="pages">The document's lines, page by page.</param>
    /// <param name="words">The document's vocabulary, to join the header's titles over their lines; built from page 1 when null.</param>
    public static KamerstukHeader Parse(IReadOnlyList<PageLines> pages, Vocabulary? words = null)
    {
        var header = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        string? dossier = null, number = null, vergaderjaar = null;
        DateOnly? date = null;

        // Only a running footer counts: a footnote may cite another paper in the very same words.
        foreach (var line in pages.SelectMany(p => p.Lines.Where(l => l.Baseline < p.Height * 0.12 || l.Baseline > p.Height * 0.88)))
        {
            var footer = Footer().Match(line.Text);
            if (footer.Success)
            {
                vergaderjaar ??= Year(footer.Groups["y1"].Value, footer.Groups["y2"].Value);
                dossier ??= Dossier(footer.Groups["dossier"].Value);
                number ??= footer.Groups["nr"].Value;
                break;
            }
        }

        var heading = pages.Count > 0 ? KamerstukHeaderBlock.Read(pages[0], words ?? new Vocabulary(pages[0].Lines.Select(l => l.Text))) : null;
        if (heading is not null)
        {
            header.UnionWith(heading.Lines);
            vergaderjaar = heading.Vergaderjaar ?? vergaderjaar;
            number = heading.Number ?? number;
            dossier = heading.Dossier is { } printed ? Dossier(printed) : dossier;
            date = heading.Date;
        }

        var identity = dossier is not null && number is not null
            ? new LetterIdentity(dossier, number, vergaderjaar, date, heading?.DossierTitle, heading?.DocumentKind)
            : null;
        return new KamerstukHeader(identity, header, heading is { Number: not null });
    }

    /// <summary>"21 501-02" → "21501-02"; "36 200 VIII" → "36200-VIII".</summary>
    public static string Dossier(string printed) => KamerstukHeaderBlock.Dossier(printed);

    private static string Year(string first, string second) => KamerstukHeaderBlock.Year(first, second);

    [GeneratedRegex(@"^Tweede Kamer, vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4}), (?<dossier>\d{2}[\s.\u00a0]?\d{3}(?:[\s-][0-9A-Z]+)?), nr\. ?(?<nr>\d+)")]
    private static partial Regex Footer();
}
