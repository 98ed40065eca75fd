using System.Globalization;

namespace LetterPipeline.Core.Parsing;

/// <summary>Reads dates as Dutch letters print them: "4 november 2022", "1 mrt. 2023".</summary>
public static class DutchDate
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>The month number for a full or abbreviated Dutch month name, or 0.</summary>
    public static int Month(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return 0;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i] == w || (w.Length >= 3 && Months[i].StartsWith(w, StringComparison.Ordinal) && w != "ma"))
            {
                return i + 1;
            }
        }

        return w == "mrt" ? 3 : 0;
    }

    public static DateOnly? Parse(string day, string month, string year)
    {
        var m = Month(month);
        if (m == 0 || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 1800 || y > 2200 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateOnly(y, m, d);
    }
}
