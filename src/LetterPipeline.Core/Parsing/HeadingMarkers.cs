using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Gives the title and the headings back the footnote markers that stood in them ("… EN NADER RAPPORT¹"): a heading
/// keeps only its text, so a footnote cited there would have no marker and every later footnote would be cited one
/// place off by a reader that binds footnotes in order.
/// </summary>
internal static class HeadingMarkers
{
    /// <summary>
    /// The title's markers, and the sections with their headings' markers. Headings are matched to heading blocks by
    /// their joined text, in order, so a heading the section stage made of something else is simply passed over.
    /// </summary>
    public static (IReadOnlyList<FootnoteMarker> Title, IReadOnlyList<Section> Sections) Attach(
        IReadOnlyList<BodyBlock> blocks, string? title, IReadOnlyList<Section> sections, Vocabulary words)
    {
        var headings = blocks.Where(b => b.Kind == BlockKind.Heading && b.Lines.Any(l => l.Markers.Count > 0))
            .Select(b => LineJoiner.Join(b.Lines, words))
            .ToList();
        if (headings.Count == 0)
        {
            return ([], sections);
        }

        var cursor = 0;
        IReadOnlyList<FootnoteMarker> titleMarkers = [];
        if (title is not null && Take(headings, title, ref cursor) is { } found)
        {
            titleMarkers = found;
        }

        var result = new List<Section>(sections.Count);
        foreach (var section in sections)
        {
            result.Add(section.Heading is { } heading && Take(headings, heading, ref cursor) is { } markers
                ? section with { HeadingMarkers = markers }
                : section);
        }

        return (titleMarkers, result);
    }

    private static IReadOnlyList<FootnoteMarker>? Take(List<(string Text, IReadOnlyList<FootnoteMarker> Markers)> headings, string text, ref int cursor)
    {
        for (var i = cursor; i < headings.Count; i++)
        {
            if (headings[i].Text == text)
            {
                cursor = i + 1;
                return headings[i].Markers;
            }
        }

        return null;
    }
}
