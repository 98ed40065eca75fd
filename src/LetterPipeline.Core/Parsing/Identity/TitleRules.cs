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
    /// <summary>The document's title, and its sections with a rejected first heading put back at their head.</summary>
    public static (string? Title, IReadOnlyList<Section> Sections) Choose(DocumentHead head, string? printed, IReadOnlyList<Section> sections)
    {
        if (printed is not null && (Numbered().IsMatch(printed) || SectionName().IsMatch(printed)))
        {
            // "1. Inleiding" or "Samenvatting" opens the text: a title is neither numbered nor a section's name.
            (printed, sections) = (null, Restore(printed, sections));
        }

        switch (head.Kind)
        {
            case LetterKind.Aanhangsel when head.Aanhangsel?.Title is { } question:
                return (question, Restore(printed, sections));
            case LetterKind.Kamerstuk when head.Kamerstuk.Identity?.DocumentKind is { } kind && Motion().IsMatch(kind):
                return (kind, Restore(printed, sections));
            case LetterKind.Letter when head.Letterhead.Fields?.Subject is { } subject && (printed is null || !Restates(printed, subject)):
                return (subject, Restore(printed, sections));
            case LetterKind.Other when head.Motion is { } motion:
                return (motion, Restore(printed, sections));
            default:
                return (printed, sections);
        }
    }

    /// <summary>True for a motion's or amendment's heading line: "MOTIE VAN HET LID …", "GEWIJZIGD AMENDEMENT VAN DE LEDEN …".</summary>
    public static bool IsMotion(string text) => Motion().IsMatch(text);

    /// <summary>A heading that is not the title is the first section's heading, over the paragraphs that follow it.</summary>
    private static IReadOnlyList<Section> Restore(string? heading, IReadOnlyList<Section> sections)
    {
        if (heading is null)
        {
            return sections;
        }

        var level = Level(heading);
        if (sections.Count > 0 && sections[0] is { Heading: null } lead)
        {
            return [new Section(level, heading, lead.Paragraphs), .. sections.Skip(1)];
        }

        return [new Section(level, heading, []), .. sections];
    }

    /// <summary>"2.1 Leveringen" → 2, "1. Inleiding" → 1; an unnumbered heading or a roman part → 1.</summary>
    private static int Level(string heading)
    {
        var number = new string(heading.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).Trim('.');
        return number.Length == 0 ? 1 : Math.Min(number.Split('.').Length, 3);
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

    [GeneratedRegex(@"^(?:GEWIJZIGDE?\s+|NIEUWE?\s+)?(?:MOTIE|AMENDEMENT)(?:\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b|$)")]
    private static partial Regex Motion();

    [GeneratedRegex(@"^(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVXL]{1,5}\.|[a-z]\))\s+\p{L}")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?:Inleiding|Introductie|Aanleiding|Samenvatting|Managementsamenvatting|Management summary|Achtergrond|Algemeen|Conclusies?|Toelichting|Context|Doel|Advies|Kernpunten|Beslispunten|Geadviseerd besluit|Voorwoord|Inhoud)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionName();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
