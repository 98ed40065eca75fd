using System.Security.Cryptography;
using System.Text;

namespace LetterPipeline;

/// <summary>An output path that would not lie inside its folder: that one input fails, the batch goes on.</summary>
internal sealed class OutputNameException(string message) : IOException(message);

/// <summary>
/// Output names made from input names, for <c>convert</c> and the worker alike: every folder and the stem are safe
/// (no control characters or separators, no leading dot, not empty) and short enough that "&lt;stem&gt;.error.json",
/// a "-&lt;sha8&gt;" suffix and the temporary names beside them stay within a file system's 255 bytes a name; and
/// every output path is checked to lie inside its folder once normalised.
/// </summary>
internal static class OutputNames
{
    /// <summary>The longest stem or folder name, in bytes of UTF-8; a longer one is cut and given a hash of the whole.</summary>
    public const int MaxSegmentBytes = 100;

    private const int HashChars = 8;

    /// <summary>
    /// The output stem for an input at <paramref name="relativeInput"/> (below its inbox or folder, '/' or the system's
    /// separator): its folders and its name without extension, each made safe; '/'-separated.
    /// </summary>
    public static string Stem(string relativeInput)
    {
        var parts = relativeInput.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return Segment("");
        }

        parts[^1] = Path.GetFileNameWithoutExtension(parts[^1]);
        return string.Join('/', parts.Select(Segment));
    }

    /// <summary>One folder or file name made safe: see <see cref="OutputNames"/>. Safe, short names come back unchanged.</summary>
    public static string Segment(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsControl(c) || c is '/' or '\\' ? '_' : c);
        }

        // A leading dot would hide the output and make it look like a temporary file; ".", ".." are no names at all.
        for (var i = 0; i < safe.Length && safe[i] == '.'; i++)
        {
            safe[i] = '_';
        }

        var result = safe.Length == 0 ? "_" : safe.ToString();
        return Encoding.UTF8.GetByteCount(result) <= MaxSegmentBytes
            ? result
            : $"{Truncate(result, MaxSegmentBytes - HashChars - 1)}-{ShortHash(name)}";
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> below <paramref name="root"/>, once normalised; an
    /// <see cref="OutputNameException"/> when it would lie elsewhere.
    /// </summary>
    public static string Inside(string root, string relative)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        if (!full.StartsWith(folder, StringComparison.Ordinal) || full.Length == folder.Length)
        {
            throw new OutputNameException($"The output name '{relative}' would lie outside {folder}; the input is not converted.");
        }

        return full;
    }

    /// <summary>The start of <paramref name="text"/>, at most <paramref name="maxBytes"/> bytes of UTF-8, cut between characters.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        var bytes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        return text[..end];
    }

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashChars];
}
