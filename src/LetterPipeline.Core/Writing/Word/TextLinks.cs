using System.Text.RegularExpressions;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>A stretch of text that links to <see cref="Url"/>.</summary>
internal sealed record TextLink(int Start, int End, string Url);

/// <summary>The web addresses printed in a text ("https://…", "www.…"), as links to themselves.</summary>
internal static partial class TextLinks
{
    // Punctuation that ends a sentence or closes a bracket after an address is not part of it.
    private const string TrailingPunctuation = ".,;:!?)]}'’”»";

    public static List<TextLink> Urls(string text)
    {
        var links = new List<TextLink>();
        // Most paragraphs hold no address: the expression runs only where one can start.
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return links;
        }

        foreach (Match match in Url().Matches(text))
        {
            var value = match.Value;
            while (value.Length > 0 && TrailingPunctuation.Contains(value[^1], StringComparison.Ordinal)
                && !(value[^1] == ')' && value.Count(c => c == '(') > value.Count(c => c == ')') - 1))
            {
                value = value[..^1];
            }

            var target = value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + value : value;
            if (value.Length > "www.".Length && Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                links.Add(new TextLink(match.Index, match.Index + value.Length, uri.AbsoluteUri));
            }
        }

        return links;
    }

    /// <summary><paramref name="first"/> and those of <paramref name="second"/> that overlap none of them, by start.</summary>
    public static List<TextLink> Merge(IEnumerable<TextLink> first, IEnumerable<TextLink> second)
    {
        var merged = first.ToList();
        merged.AddRange(second.Where(s => !merged.Exists(f => s.Start < f.End && f.Start < s.End)).ToList());
        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return merged;
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>«»""“”]+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
