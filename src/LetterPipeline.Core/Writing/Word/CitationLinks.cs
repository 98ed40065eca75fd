using System.Text;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>A stretch of footnote text that links to one reference.</summary>
internal sealed record CitationLink(int Start, int Length, Reference Reference)
{
    public int End => Start + Length;
}

/// <summary>
/// Places a footnote's references on its text as links. Each reference carries its citation as printed
/// (<see cref="Reference.Text"/>); several references share one printed citation when it names several
/// papers ("Kamerstuk 21 501-07, nrs. 1880, 1881 en 1885", "Kamerstukken 27 863 en 21 501-07, nr. 108").
/// Such a citation is split at the part that tells its papers apart (the number, else the dossier, else the
/// Handelingen item): the first link runs from the citation's start to its part, the last from its part to
/// the citation's end, links between cover just their part. A paper whose part is not printed (61 in
/// "nrs. 60–62") gets no link of its own; a citation that cannot be split links as a whole to its first paper.
/// </summary>
internal static class CitationLinks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<CitationLink> Place(string text, IReadOnlyList<Reference> references)
    {
        var links = new List<CitationLink>();
        var cursor = 0;
        var i = 0;
        while (i < references.Count)
        {
            // References with the same printed text and different papers are one printed citation;
            // the same paper again is the same citation printed a second time.
            var group = new List<Reference> { references[i] };
            var j = i + 1;
            while (j < references.Count && references[j].Text == references[i].Text && group.TrueForAll(g => g.Id != references[j].Id))
            {
                group.Add(references[j++]);
            }

            i = j;
            var printed = group[0].Text;
            if (printed.Length == 0)
            {
                continue;
            }

            var start = text.IndexOf(printed, cursor, StringComparison.Ordinal);
            if (start < 0)
            {
                start = text.IndexOf(printed, StringComparison.Ordinal);
            }

            if (start < 0 || links.Exists(l => start < l.End && l.Start < start + printed.Length))
            {
                continue;
            }

            links.AddRange(Split(text, start, group).Where(l => Uri.IsWellFormedUriString(l.Reference.Url, UriKind.Absolute)));
            cursor = start + printed.Length;
        }

        return links.OrderBy(l => l.Start).ToArray();
    }

    private static IEnumerable<CitationLink> Split(string text, int start, IReadOnlyList<Reference> group)
    {
        var end = start + group[0].Text.Length;
        if (group.Count == 1)
        {
            return [new CitationLink(start, end - start, group[0])];
        }

        var parts = FindParts(text[start..end], group, r => r.Number, Number)
            ?? FindParts(text[start..end], group, r => r.Dossier, Dossier)
            ?? FindParts(text[start..end], group, r => r.Item, Number);
        if (parts is null)
        {
            return [new CitationLink(start, end - start, group[0])];
        }

        return parts.Select((p, k) =>
        {
            var from = k == 0 ? start : start + p.Start;
            var to = k == parts.Count - 1 ? end : start + p.End;
            return new CitationLink(from, to - from, p.Reference);
        }).ToArray();
    }

    /// <summary>
    /// Where each reference's distinguishing part stands in the printed citation, in text order; null when
    /// the parts are not all different or none is printed.
    /// </summary>
    private static List<CitationLink>? FindParts(string printed, IReadOnlyList<Reference> group, Func<Reference, string?> part, Func<string, Regex> pattern)
    {
        var values = group.Select(part).ToArray();
        if (values.Any(v => string.IsNullOrEmpty(v)) || values.Distinct(StringComparer.Ordinal).Count() != values.Length)
        {
            return null;
        }

        var found = new List<CitationLink>();
        for (var k = 0; k < group.Count; k++)
        {
            var match = pattern(values[k]!).Match(printed);
            if (match.Success && !found.Exists(f => match.Index < f.End && f.Start < match.Index + match.Length))
            {
                found.Add(new CitationLink(match.Index, match.Length, group[k]));
            }
        }

        return found.Count == 0 ? null : found.OrderBy(f => f.Start).ToList();
    }

    // A number on its own, not part of a longer one: "108" but not the 108 in "1080".
    private static Regex Number(string number) =>
        new($@"(?<![0-9]){Regex.Escape(number)}(?![0-9])", RegexOptions.CultureInvariant, RegexTimeout);

    // A dossier as printed: "21501-07" appears as "21 501-07" (thousands grouped with a space or a no-break
    // space), the dash may be an en dash, and a Roman suffix may follow without a dash ("36 410 VIII").
    private static Regex Dossier(string dossier)
    {
        var pattern = new StringBuilder("(?<![0-9])");
        for (var c = 0; c < dossier.Length; c++)
        {
            var ch = dossier[c];
            pattern.Append(ch == '-' ? "[-\u2013\u2011 ]" : Regex.Escape(ch.ToString()));
            if (char.IsAsciiDigit(ch) && c + 1 < dossier.Length && char.IsAsciiDigit(dossier[c + 1]))
            {
                pattern.Append("[ \u00A0\u202F]?");
            }
        }

        return new Regex(pattern.Append("(?![0-9A-Za-z])").ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeout);
    }
}
