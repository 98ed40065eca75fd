using System.Globalization;

namespace LetterPipeline.Core.Parsing;

/// <summary>Reads dates as Dutch letters print them: "4 november 2022", "1 mrt. 2023".</summary>
internal static class DutchDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["feb"] = 2, ["febr"] = 2,
        ["maart"] = 3, ["mrt"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5,
        ["juni"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["jul"] = 7,
        ["augustus"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>The month number for a full or abbreviated Dutch month name (a trailing dot allowed), or 0.</summary>
    public static int Month(string word) => Months.TryGetValue(word.TrimEnd('.'), out var month) ? month : 0;

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
