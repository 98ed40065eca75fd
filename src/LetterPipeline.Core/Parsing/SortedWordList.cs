using System.IO.Compression;
using System.Text;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// A word list kept as it is shipped: one UTF-8 block, one word a line, sorted by bytes (<c>LC_ALL=C sort</c>),
/// looked up by binary search. For the 413,000 OpenTaal words that is about 9 MB (the text, and where each word
/// starts) where a HashSet of strings held about 35 MB, and loading it is one decompression with no object per word:
/// every converter process pays that load.
/// </summary>
internal sealed class SortedWordList
{
    internal const string DutchResource = "LetterPipeline.Core.Data.dutch-words.txt.gz";

    private readonly byte[] text;
    private readonly int length;
    private readonly int[] starts;
    private readonly int longestWordBytes;

    /// <summary>The first bytes of every <see cref="SampleEvery"/>th word, small enough to stay in the processor's cache.</summary>
    private readonly ulong[] samples;

    /// <summary>
    /// A binary search over 413,000 words spread over 9 MB waits for memory at nearly every step; the samples narrow
    /// it to a few neighbouring words first.
    /// </summary>
    private const int SampleEvery = 32;

    private SortedWordList(byte[] text, int length)
    {
        this.text = text;
        this.length = length;
        var starts = new List<int>(length / 8);
        for (var at = 0; at < length;)
        {
            var end = NextNewline(at);
            if (end > at)
            {
                starts.Add(at);
                longestWordBytes = Math.Max(longestWordBytes, end - at);
            }

            at = end + 1;
        }

        this.starts = [.. starts];
        samples = new ulong[(this.starts.Length + SampleEvery - 1) / SampleEvery];
        for (var k = 0; k < samples.Length; k++)
        {
            samples[k] = Prefix(Word(k * SampleEvery));
        }
    }

    public int Count => starts.Length;

    /// <summary>The OpenTaal list shipped inside this assembly (see Data/dutch-words.LICENSE).</summary>
    public static SortedWordList LoadDutch()
    {
        using var resource = typeof(SortedWordList).Assembly.GetManifestResourceStream(DutchResource)
            ?? throw new InvalidOperationException("The Dutch word list is missing from the assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        var buffer = new MemoryStream(6 << 20);
        gzip.CopyTo(buffer);
        return new SortedWordList(buffer.GetBuffer(), (int)buffer.Length);
    }

    /// <summary>True when the list has exactly <paramref name="word"/> (ordinal, case-sensitive).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        // Every char takes at least one UTF-8 byte: a longer word cannot be in the list.
        if (word.Length == 0 || word.Length > longestWordBytes)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[Encoding.UTF8.GetMaxByteCount(word.Length)];
        key = key[..Encoding.UTF8.GetBytes(word, key)];
        var (low, high) = Candidates(Prefix(key));
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = key.SequenceCompareTo(Word(middle));
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return false;
    }

    /// <summary>
    /// The range of words a key with this prefix can be: after the last sampled word whose prefix is smaller, before
    /// the first whose prefix is larger.
    /// </summary>
    private (int Low, int High) Candidates(ulong prefix)
    {
        var below = LastBelow(prefix, orEqual: false);
        var above = LastBelow(prefix, orEqual: true) + 1;
        return (below < 0 ? 0 : below * SampleEvery + 1, above >= samples.Length ? starts.Length - 1 : above * SampleEvery - 1);
    }

    /// <summary>The last sample whose prefix is below (or, with <paramref name="orEqual"/>, not above) <paramref name="prefix"/>; -1 when none is.</summary>
    private int LastBelow(ulong prefix, bool orEqual)
    {
        var (low, high) = (0, samples.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (samples[middle] < prefix || (orEqual && samples[middle] == prefix))
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high;
    }

    /// <summary>The first eight bytes, zero-padded, as a number that orders like the bytes do.</summary>
    private static ulong Prefix(ReadOnlySpan<byte> word)
    {
        Span<byte> first = stackalloc byte[8];
        first.Clear();
        word[..Math.Min(8, word.Length)].CopyTo(first);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(first);
    }

    private ReadOnlySpan<byte> Word(int index) => text.AsSpan(starts[index], NextNewline(starts[index]) - starts[index]);

    private int NextNewline(int from)
    {
        var at = text.AsSpan(from, length - from).IndexOf((byte)'\n');
        return at < 0 ? length : from + at;
    }
}
