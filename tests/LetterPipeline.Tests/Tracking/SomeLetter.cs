using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Tests.Tracking;

/// <summary>Hand-made letters for the store: only what the store records is filled in.</summary>
internal static class SomeLetter
{
    /// <summary>A letter with the references parsed from <paramref name="footnotes"/> (footnote numbers 1, 2, …).</summary>
    public static Letter Citing(string sha, DateOnly? date, params string[] footnotes)
    {
        var references = footnotes.SelectMany((text, i) => CitationParser.Parse(text, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return With(sha, $"Brief {sha}", date, references);
    }

    public static Letter With(string sha, string? title, DateOnly? date, IReadOnlyList<Reference> references, string? file = null) => new(
        new SourceInfo(file ?? $"{sha}.pdf", sha, 2),
        title,
        date is null ? null : new LetterIdentity("36045", sha, "2022-2023", date),
        date,
        [],
        [],
        references);
}
