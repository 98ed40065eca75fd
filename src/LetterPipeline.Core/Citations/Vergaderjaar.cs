using System.Globalization;

namespace LetterPipeline.Core.Citations;

/// <summary>The parliamentary session (vergaderjaar) a sitting belongs to, from its date.</summary>
internal static class Vergaderjaar
{
    /// <summary>
    /// "2022-2023" for 25 May 2023. The vergaderjaar of the Staten-Generaal opens on the third Tuesday of
    /// September, Prinsjesdag (Grondwet, article 65): a sitting before it belongs to the year that is ending.
    /// </summary>
    public static string Of(DateOnly sitting)
    {
        var first = sitting >= Prinsjesdag(sitting.Year) ? sitting.Year : sitting.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first}-{first + 1}");
    }

    private static DateOnly Prinsjesdag(int year)
    {
        var first = new DateOnly(year, 9, 1);
        var firstTuesday = first.AddDays(((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7);
        return firstTuesday.AddDays(14);
    }
}
