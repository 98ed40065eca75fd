using System.Text;

namespace LetterPipeline.Core.Parsing;

/// <summary>Words known to be Dutch: the OpenTaal word list shipped with the program plus the document's own words.</summary>
internal sealed class Vocabulary
{
    private static readonly Lazy<SortedWordList> DutchWords = new(SortedWordList.LoadDutch);
    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '•'];
    private readonly HashSet<string> documentWords;

    public Vocabulary(IEnumerable<string> documentText)
    {
        documentWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Looked up as spans: a word the document repeats costs no string.
        var byspan = documentWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in documentText)
        {
            foreach (var range in text.AsSpan().Split(' '))
            {
                var word = TrimPunctuation(text.AsSpan(range));
                if (word.Length > 1 && word[^1] != '-')
                {
                    byspan.Add(word);
                }
            }
        }
    }

    /// <summary>True when the document uses the word elsewhere or the Dutch word list has it.</summary>
    public bool Contains(string word) => documentWords.Contains(word) || InWordList(word);

    /// <summary>True when the shipped word list has the word, as written or in lower case.</summary>
    public static bool InWordList(string word) => InWordList(word.AsSpan());

    /// <inheritdoc cref="InWordList(string)"/>
    public static bool InWordList(ReadOnlySpan<char> word)
    {
        if (DutchWords.Value.Contains(word))
        {
            return true;
        }

        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return ToLower(word, lower) && DutchWords.Value.Contains(lower);
    }

    /// <summary>Writes <paramref name="word"/> in lower case into <paramref name="lower"/>; false when that changed nothing.</summary>
    private static bool ToLower(ReadOnlySpan<char> word, Span<char> lower)
    {
        // ASCII words (most) are lowered without the culture tables.
        if (Ascii.IsValid(word))
        {
            Ascii.ToLower(word, lower, out _);
        }
        else
        {
            word.ToLowerInvariant(lower);
        }

        return !lower.SequenceEqual(word);
    }

    /// <summary>True when the document itself uses the word (not only the word list).</summary>
    public bool DocumentUses(string word) => documentWords.Contains(word);

    public static string TrimPunctuation(string token)
    {
        var trimmed = TrimPunctuation(token.AsSpan());
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    public static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> token) => token.Trim(Punctuation);
}
