using System.IO.Compression;
using System.Reflection;

namespace LetterPipeline.Core.Parsing;

/// <summary>Words known to be Dutch: the OpenTaal word list shipped with the program plus the document's own words.</summary>
public sealed class Vocabulary
{
    private static readonly Lazy<HashSet<string>> DutchWords = new(LoadWordList);
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

    /// <summary>True when the document itself uses the word (not only the word list).</summary>
    public bool DocumentUses(string word) => documentWords.Contains(word);

    public static string TrimPunctuation(string token) =>
        token.Trim('.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '•');

    private static HashSet<string> LoadWordList()
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var resource = assembly.GetManifestResourceStream("LetterPipeline.Core.Data.dutch-words.txt.gz")
            ?? throw new InvalidOperationException("The Dutch word list is missing from the assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(420_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words;
    }
}
