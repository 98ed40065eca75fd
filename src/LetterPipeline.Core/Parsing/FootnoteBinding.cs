using System.Globalization;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Which footnote each marker cites, by its number. A letter may number its footnotes in more than one series (an
/// attachment whose table restarts at 1), so a number can occur twice: a marker cites the footnote of its number in
/// the series the text has reached, and a marker whose number drops below the one before starts the next series.
/// A footnote no marker cites is placed where it belongs in the numbering: after the footnote before it.
/// </summary>
internal static class FootnoteBinding
{
    /// <summary>The binding: per place and marker the footnote index or null; per uncited footnote the place it goes to (-1: there is no place).</summary>
    internal sealed record Result(IReadOnlyList<int?[]> Cited, IReadOnlyList<(int Index, int Place)> Unreferenced);

    /// <param name="footnotes">The letter's footnotes, in the order printed.</param>
    /// <param name="places">The markers of each place (title, heading, paragraph) in document order, each in offset order.</param>
    public static Result Bind(IReadOnlyList<Footnote> footnotes, IReadOnlyList<IReadOnlyList<FootnoteMarker>> places)
    {
        var series = Series(footnotes);
        var byNumber = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < footnotes.Count; i++)
        {
            if (!byNumber.TryGetValue(footnotes[i].Number, out var list))
            {
                byNumber[footnotes[i].Number] = list = [];
            }

            list.Add(i);
        }

        var placeOf = new int[footnotes.Count];
        Array.Fill(placeOf, -1);
        var cited = new int?[places.Count][];
        var current = 0;
        int? lastNumber = null;
        for (var p = 0; p < places.Count; p++)
        {
            cited[p] = new int?[places[p].Count];
            for (var m = 0; m < places[p].Count; m++)
            {
                var number = places[p][m].Number;
                var numeric = Numeric(number);
                int? chosen = null;
                if (byNumber.TryGetValue(number, out var candidates))
                {
                    var unbound = candidates.Where(i => placeOf[i] < 0).ToList();
                    var restart = numeric < lastNumber;
                    chosen = (restart ? First(unbound, i => series[i] > current) : null)
                        ?? First(unbound, i => series[i] == current)
                        ?? First(unbound, i => series[i] > current)
                        ?? Last(unbound, i => series[i] < current);
                }

                if (chosen is { } index)
                {
                    placeOf[index] = p;
                    current = series[index];
                }

                cited[p][m] = chosen;
                lastNumber = numeric ?? lastNumber;
            }
        }

        return new Result(cited, PlaceUnreferenced(placeOf, places.Count));
    }

    /// <summary>Each uncited footnote goes after the nearest footnote before it that has a place; failing that, just before the nearest one after it.</summary>
    private static List<(int Index, int Place)> PlaceUnreferenced(int[] placeOf, int placeCount)
    {
        var result = new List<(int, int)>();
        var firstCited = Array.FindIndex(placeOf, p => p >= 0);
        var previous = -1;
        for (var i = 0; i < placeOf.Length; i++)
        {
            if (placeOf[i] >= 0)
            {
                previous = placeOf[i];
                continue;
            }

            var place = firstCited < 0 ? placeCount - 1
                : previous >= 0 ? previous
                : Math.Max(0, placeOf[firstCited] - 1);
            result.Add((i, place));
        }

        return result;
    }

    /// <summary>The series each footnote belongs to: a number not above the one before it starts a new series.</summary>
    private static int[] Series(IReadOnlyList<Footnote> footnotes)
    {
        var series = new int[footnotes.Count];
        for (var i = 1; i < footnotes.Count; i++)
        {
            var restarts = Numeric(footnotes[i].Number) is { } n && Numeric(footnotes[i - 1].Number) is { } previous && n <= previous;
            series[i] = series[i - 1] + (restarts ? 1 : 0);
        }

        return series;
    }

    private static int? Numeric(string number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? First(List<int> candidates, Func<int, bool> predicate)
    {
        foreach (var i in candidates)
        {
            if (predicate(i))
            {
                return i;
            }
        }

        return null;
    }

    private static int? Last(List<int> candidates, Func<int, bool> predicate)
    {
        for (var k = candidates.Count - 1; k >= 0; k--)
        {
            if (predicate(candidates[k]))
            {
                return candidates[k];
            }
        }

        return null;
    }
}
