using System.Text;

namespace LetterPipeline.Evaluation;

/// <summary>score.py's <c>norm</c> and <c>words</c>: how texts are compared.</summary>
internal static class TextNormaliser
{
    /// <summary>
    /// NFC, no-break space → space, curly single quotes → "'", runs of white space → one space, trimmed.
    /// Null and other falsy values read as ""; a non-text value is an error, as in Python.
    /// </summary>
    public static string Norm(object? text)
    {
        if (!Py.Truthy(text))
        {
            return "";
        }

        if (text is not string s)
        {
            throw new InvalidDataException($"TypeError: normalize() argument 2 must be str, not {text!.GetType().Name}");
        }

        s = s.Normalize(NormalizationForm.FormC).Replace('\u00a0', ' ').Replace('\u2019', '\'').Replace('\u2018', '\'');
        return Py.Strip(Py.CollapseSpace(s, " "));
    }

    /// <summary>The words of the normalised text, split on single spaces.</summary>
    public static IReadOnlyList<string> Words(object? text)
    {
        var normalised = Norm(text);
        return normalised.Length == 0 ? [] : normalised.Split(' ');
    }
}
