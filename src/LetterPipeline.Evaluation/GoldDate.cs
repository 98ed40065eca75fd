using System.Globalization;
using System.Text.RegularExpressions;

namespace LetterPipeline.Evaluation;

/// <summary>A gold date as ISO: "18 november 2022" → "2022-11-18"; other text is cut to its first 10 characters.</summary>
internal static partial class GoldDate
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>Null when the gold gives no date.</summary>
    public static string? Iso(string? date)
    {
        if (string.IsNullOrEmpty(date))
        {
            return null;
        }

        var m = DayMonthYear().Match(date);
        var month = m.Success ? Array.IndexOf(Months, m.Groups[2].Value) + 1 : 0;
        if (month > 0)
        {
            var day = m.Groups[1].Value.Aggregate(0, (value, digit) => (value * 10) + (int)char.GetNumericValue(digit));
            return string.Create(CultureInfo.InvariantCulture, $"{m.Groups[3].Value}-{month:00}-{day:00}");
        }

        return date.Length > 10 ? date[..10] : date;
    }

    [GeneratedRegex(@"^(\d{1,2}) (\w+) (\d{4})")]
    private static partial Regex DayMonthYear();
}
