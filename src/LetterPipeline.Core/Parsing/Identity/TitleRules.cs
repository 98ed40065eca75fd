using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// Which printed text stands for the document's title, by kind: a letter's own title, else its Betreft/Onderwerp; a
/// motion's or amendment's "MOTIE VAN HET LID …" line; an Aanhangsel's question subject line; a Kamerstuk's own
/// title; otherwise the first heading of page 1. the printed title is that first heading, which
/// <see cref="SectionBuilder"/> took out of the sections: when it is not the title it goes back as the first section.
/// </summary>
internal static partial class TitleRules
{
    public static (string? Title, IReadOnlyList<Section> Sections) Choose(DocumentHead head, string? printed, IReadOnlyList<Section> sections)
    {
        switch (head.Kind)
        {
            case LetterKind.Aanhangsel when head.Aanhangsel?.Title is { } question:
                return (question, Restore(printed, sections));
            case LetterKind.Kamerstuk when head.Kamerstuk.Identity?.DocumentKind is { } kind && Motion().IsMatch(kind):
                return (kind, Restore(printed, sections));
            case LetterKind.Letter when head.Letterhead.Fields?.Subject is { } subject && (printed is null || !Restates(printed, subject)):
                return (subject, Restore(printed, sections));
            default:
                return (printed, sections);
        }
    }

    /// <summary>A heading that is not the title is the first section's heading, over the paragraphs that follow it.</summary>
    private static IReadOnlyList<Section> Restore(string? heading, IReadOnlyList<Section> sections)
    {
        if (heading is null)
        {
            return sections;
        }

        if (sections.Count > 0 && sections[0] is { Heading: null } lead)
        {
            return [new Section(1, heading, lead.Paragraphs), .. sections.Skip(1)];
        }

        return [new Section(1, heading, []), .. sections];
    }

    /// <summary>True when the printed title says what the Betreft says (one contains the other's words).</summary>
    private static bool Restates(string printed, string subject)
    {
        var a = Words(printed);
        var b = Words(subject);
        return b.Count > 0 && a.Count > 0 && (b.IsSubsetOf(a) || a.IsSubsetOf(b));
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:GEWIJZIGDE?\s+|NIEUWE?\s+)?(?:MOTIE|AMENDEMENT)\b")]
    private static partial Regex Motion();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
