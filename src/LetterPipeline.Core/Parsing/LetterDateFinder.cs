using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// The date of a document whose head gives none: a place-and-date line on the first page ("Den Haag, 3 april 2009").
/// The letterhead's "Datum", the Kamerstuk's "Den Haag, …"/"Ontvangen …" and the Aanhangsel's "(ontvangen …)" are
/// read with their heads (<see cref="Identity.DateRules"/>).
/// </summary>
internal static partial class LetterDateFinder
{
    /// <summary>The first place-and-date line of page 1, or null.</summary>
    public static DateOnly? Find(IReadOnlyList<PageLines> pages)
    {
        foreach (var line in pages.Take(1).SelectMany(p => p.Lines))
        {
            if (PlaceDate().Match(line.Text) is { Success: true } m)
            {
                return DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:Den Haag|’s-Gravenhage|'s-Gravenhage|[A-Z][a-z]+), (?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex PlaceDate();
}
