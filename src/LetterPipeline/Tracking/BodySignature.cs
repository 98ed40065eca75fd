using System.Globalization;
using System.Text;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Tracking;

/// <summary>
/// A MinHash signature of a letter's body: the set of its word 5-shingles (lower-cased runs of letters and digits
/// over the headings and paragraphs, so layout, running heads and footnotes do not count), summarised by the minimum
/// of <see cref="Size"/> independent hashes. The share of equal positions of two signatures estimates the Jaccard
/// similarity of the two shingle sets (standard error at most 0.045 for 128 hashes).
/// </summary>
internal sealed class BodySignature
{
    /// <summary>Hashes per signature.</summary>
    public const int Size = 128;

    /// <summary>Rows per LSH band: 64 bands of 2, so a pair with Jaccard 0.5 shares a band with probability 1 − 0.75⁶⁴ ≈ 1.</summary>
    public const int BandRows = 2;

    /// <summary>
    /// Versions of one letter share at least this estimated Jaccard similarity. On tests/corpus/letters the three
    /// typesettings of the NATO agenda score 1.00 with each other and any two different letters at most 0.01.
    /// </summary>
    public const double SameLetter = 0.5;

    /// <summary>Bodies shorter than this many shingles are too short to tell versions from look-alikes (a cover note).</summary>
    public const int MinimumShingles = 30;

    private const int ShingleWords = 5;

    private readonly ulong[] minima;

    private BodySignature(ulong[] minima) => this.minima = minima;

    /// <summary>The signature of <paramref name="letter"/>'s body, or null when the body is too short to compare.</summary>
    public static BodySignature? Of(Letter letter)
    {
        var words = Words(letter);
        if (words.Count - ShingleWords + 1 < MinimumShingles)
        {
            return null;
        }

        var minima = Enumerable.Repeat(ulong.MaxValue, Size).ToArray();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var shingle = Fnv1a(string.Join(' ', words.Skip(i).Take(ShingleWords)));
            for (var h = 0; h < Size; h++)
            {
                var value = Mix(shingle ^ Seed(h));
                if (value < minima[h])
                {
                    minima[h] = value;
                }
            }
        }

        return new BodySignature(minima);
    }

    /// <summary>The estimated Jaccard similarity of the two bodies' shingle sets.</summary>
    public double Similarity(BodySignature other) =>
        minima.Zip(other.minima).Count(p => p.First == p.Second) / (double)Size;

    /// <summary>One hash per band of <see cref="BandRows"/> minima: bodies sharing a band are candidates to compare.</summary>
    public IReadOnlyList<long> Bands() =>
        Enumerable.Range(0, Size / BandRows).Select(b => (long)Mix(minima[b * BandRows] ^ Mix(minima[(b * BandRows) + 1] + (ulong)b))).ToList();

    /// <summary>The signature as stored: <see cref="Size"/> hexadecimal numbers of 16 digits.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Size * 16);
        foreach (var m in minima)
        {
            text.Append(m.ToString("x16", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>A stored signature, or null when <paramref name="text"/> is none (a letter too short, or recorded before step 3).</summary>
    public static BodySignature? Parse(string? text)
    {
        if (text is null || text.Length != Size * 16)
        {
            return null;
        }

        return new BodySignature(Enumerable.Range(0, Size).Select(i => ulong.Parse(text.AsSpan(i * 16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray());
    }

    private static List<string> Words(Letter letter)
    {
        var words = new List<string>();
        foreach (var section in letter.Sections)
        {
            Split(section.Heading, words);
            foreach (var paragraph in section.Paragraphs)
            {
                Split(paragraph.Text, words);
            }
        }

        return words;
    }

    private static void Split(string? text, List<string> words)
    {
        if (text is null)
        {
            return;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
    }

    // FNV-1a over UTF-8: stable across processes and runs, unlike string.GetHashCode.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Seed(int h) => Mix((ulong)h + 0x9E3779B97F4A7C15UL);

    // SplitMix64's finaliser: a fast, well-mixed permutation of 64-bit values.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
