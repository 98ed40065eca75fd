using System.Globalization;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Expands a printed range of paper numbers ("nrs. 60–62", "nrs. 1880–85") when it is plausible, and keeps
/// only its endpoints when it is not, without ever parsing a number into a type it overflows.
/// </summary>
internal static class NumberRange
{
    /// <summary>More numbers than this in one range is a misprint or a hostile file, not papers cited at once.</summary>
    public const int MaxExpanded = 50;

    // long holds every 18-digit number; a longer one is never a paper number, so it is never expanded.
    private const int MaxDigits = 18;

    /// <summary>
    /// The numbers <paramref name="low"/>–<paramref name="high"/> stand for (both digit strings as printed);
    /// <paramref name="warning"/> says why a range was not expanded, else null.
    /// </summary>
    public static IReadOnlyList<string> Expand(string low, string high, out string? warning)
    {
        warning = null;

        // "1880–85" abbreviates the high end; complete it from the low one.
        if (high.Length < low.Length)
        {
            high = low[..(low.Length - high.Length)] + high;
        }

        if (low.Length > MaxDigits || high.Length > MaxDigits
            || !long.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            warning = $"Range {low}–{high} has a number of more than {MaxDigits} digits; kept its endpoints only.";
            return [low, high];
        }

        if (to == from)
        {
            return [low];
        }

        if (to < from)
        {
            warning = $"Range {low}–{high} runs backwards; kept its endpoints only.";
            return [low, high];
        }

        if (to - from >= MaxExpanded)
        {
            warning = $"Range {low}–{high} would be {Count(from, to)} papers (more than {MaxExpanded}); kept its endpoints only.";
            return [low, high];
        }

        var numbers = new string[to - from + 1];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = (from + i).ToString(CultureInfo.InvariantCulture);
        }

        return numbers;
    }

    // to - from + 1 overflows long only for 0..long.MaxValue; decimal holds it.
    private static string Count(long from, long to) => ((decimal)to - from + 1).ToString(CultureInfo.InvariantCulture);
}
