using System.Globalization;

namespace LetterPipeline.Evaluation.Tests.Support;

/// <summary>
/// Reads the dates gold files print ("18 november 2022"). Kept apart from the program's own date reader, so a
/// bug there cannot make the expectations agree with it.
/// </summary>
internal static class GoldDate
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static DateOnly Parse(string text)
    {
        var parts = text.Split(' ');
        return new DateOnly(int.Parse(parts[2], CultureInfo.InvariantCulture), Array.IndexOf(Months, parts[1]) + 1, int.Parse(parts[0], CultureInfo.InvariantCulture));
    }
}
