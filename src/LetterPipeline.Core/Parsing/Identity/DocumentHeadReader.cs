using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// Everything a document prints about itself before its text: the Kamerstuk header block, an Aanhangsel's head or a
/// letter's letterhead, the kind that follows from which of them it has, and the lines they occupy (never body text).
/// </summary>
/// <param name="Kind">What kind of document the head shows it to be.</param>
/// <param name="Kamerstuk">The Kamerstuk header block, when printed.</param>
/// <param name="Aanhangsel">An Aanhangsel's head, when printed.</param>
/// <param name="Letterhead">The letterhead's labelled fields.</param>
/// <param name="Lines">Every line of the head: never body text.</param>
/// <param name="Warnings">Fields printed ambiguously, left null.</param>
/// <param name="Motion">A motion's or amendment's "MOTIE VAN HET LID …" line at the head of a document that is not the
/// Kamerstuk print (the Kamer's own motion sheet).</param>
internal sealed record DocumentHead(
    LetterKind Kind,
    KamerstukHeader Kamerstuk,
    AanhangselHeading? Aanhangsel,
    LetterheadReading Letterhead,
    IReadOnlySet<TextLine> Lines,
    IReadOnlyList<ParseWarning> Warnings,
    string? Motion = null);

/// <summary>
/// Reads page 1's head in the order the kinds exclude each other (a Kamerstuk print or an Aanhangsel has no
/// letterhead), and the postal address blocks that stand anywhere.
/// </summary>
internal static class DocumentHeadReader
{
    /// <summary>The head of the document in <paramref name="pages"/>, with every line it occupies.</summary>
    public static DocumentHead Read(IReadOnlyList<PageLines> pages, BodyStyle style, Vocabulary words)
    {
        var kamerstuk = KamerstukIdentityParser.Parse(pages, words);
        var aanhangsel = AanhangselHeaderParser.Parse(pages, words);
        var letterhead = kamerstuk.HasHeaderBlock || aanhangsel is not null ? LetterheadReading.None : LetterheadParser.Parse(pages, style, words);
        var kind = DocumentKindClassifier.Classify(kamerstuk, aanhangsel, letterhead);

        var lines = new HashSet<TextLine>(kamerstuk.HeaderLines, ReferenceEqualityComparer.Instance);
        lines.UnionWith(aanhangsel?.Lines ?? new HashSet<TextLine>());
        lines.UnionWith(letterhead.Lines);
        lines.UnionWith(AddressBlocks.Find(pages));
        var motion = kind == LetterKind.Other ? MotionLine(pages) : null;
        if (motion is not null)
        {
            lines.Add(motion);
        }

        return new DocumentHead(kind, kamerstuk, aanhangsel, letterhead, lines, letterhead.Warnings, motion?.Text.Trim());
    }

    /// <summary>"MOTIE VAN DE LEDEN CHAKOR EN VAN NISPEN" in the top third of page 1.</summary>
    private static TextLine? MotionLine(IReadOnlyList<PageLines> pages) =>
        pages.Take(1).SelectMany(p => p.Lines.Where(l => l.Baseline > p.Height * 0.66)).FirstOrDefault(l => TitleRules.IsMotion(l.Text));
}
