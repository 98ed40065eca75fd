namespace LetterPipeline.Core.Parsing;

/// <summary>Words known to be Dutch: the OpenTaal word list shipped with the program plus the document's own words.</summary>
internal sealed class Vocabulary
{
    private static readonly Lazy<SortedWordList> DutchWords = new(SortedWordList.LoadDutch);
    private readonly HashSet<string> documentWords;

    public Vocabulary(IEnumerable<string> documentText)
    {
        documentWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in documentText)
        {
            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = TrimPunctuation(token);
                if (word.Length > 1 && !word.EndsWith('-'))
                {
                    documentWords.Add(word);
                }
            }
        }
    }

    /// <summary>True when the document uses the word elsewhere or the Dutch word list has it.</summary>
    public bool Contains(string word) =>
        documentWords.Contains(word) || DutchWords.Value.Contains(word) || DutchWords.Value.Contains(word.ToLowerInvariant());

    /// <summary>True when the shipped word list has the word, as written or in lower case.</summary>
    public static bool InWordList(string word) => DutchWords.Value.Contains(word) || DutchWords.Value.Contains(word.ToLowerInvariant());

    /// <summary>True when the document itself uses the word (not only the word list).</summary>
    public bool DocumentUses(string word) => documentWords.Contains(word);

    public static string TrimPunctuation(string token) =>
        token.Trim('.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '•');
}
