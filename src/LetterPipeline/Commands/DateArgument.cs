using System.CommandLine.Parsing;
using System.Globalization;

namespace LetterPipeline.Commands;

/// <summary>
/// A day given on the command line as a year (2023: its first day), a month (2023-05: its first day) or a date
/// (2023-05-14), for options such as <c>--since</c>.
/// </summary>
internal static class DateArgument
{
    private static readonly string[] Forms = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];

    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), Forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A <c>CustomParser</c> for <paramref name="option"/>: the date, or an error in the option's words.</summary>
    public static DateOnly? Parse(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Parse(text) is { } date)
        {
            return date;
        }

        result.AddError($"{option} takes a year, a month or a day: 2023, 2023-05 or 2023-05-14; got '{text}'.");
        return null;
    }
}
