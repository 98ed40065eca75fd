using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>Text runs that are always valid XML and keep their spaces.</summary>
internal static class WordText
{
    public static Run Run(string text, string? characterStyle = null)
    {
        var run = new Run();
        if (characterStyle is not null)
        {
            run.RunProperties = new RunProperties { RunStyle = new RunStyle { Val = characterStyle } };
        }

        run.Append(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>
    /// Replaces characters XML 1.0 cannot carry (control characters from broken PDF text, lone surrogates)
    /// with U+FFFD one for one, so the character offsets of footnote markers stay valid.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (!text.Any(IsSuspect))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (IsSuspect(c))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static bool IsSuspect(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
