namespace LetterPipeline.Core.Parsing;

/// <summary>What to do with a hyphen that ends a line.</summary>
internal enum HyphenDecision
{
    /// <summary>"infra-" + "structuur" → "infrastructuur": the hyphen exists only because of the line break.</summary>
    Join,

    /// <summary>"NAVO-" + "bondgenoten" → "NAVO-bondgenoten": a real compound hyphen.</summary>
    KeepHyphen,

    /// <summary>"Oost-" + "en Noordzee" → "Oost- en Noordzee": an elided compound part.</summary>
    KeepHyphenAndSpace,
}

/// <summary>
/// Decides whether a line-final hyphen is a line-break hyphen. In order: an elision before "en"/"of" keeps
/// hyphen and space; an acronym or a number on the left keeps it ("NAVO-", "2023-"); a hyphenated form the
/// document uses keeps it; a joined form the document or the word list knows is joined; a hyphenated form
/// the word list knows, or a capitalised left part that is a word itself ("Benelux-", "Oost-"), keeps it; two vowels that would merge keep it ("zee-eend"); otherwise join,
/// since in justified text a break hyphen is far more common than a compound split exactly at its hyphen.
/// </summary>
internal static class LineBreakHyphen
{
    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "en", "of", "tot", "als", "noch", "dan" };

    public static HyphenDecision Decide(string left, string right, Vocabulary words)
    {
        var l = Vocabulary.TrimPunctuation(left);
        var r = Vocabulary.TrimPunctuation(right);
        // URLs break at their own hyphens; nothing was added.
        if (left.Contains("://", StringComparison.Ordinal) || left.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || left.Contains('/', StringComparison.Ordinal))
        {
            return HyphenDecision.KeepHyphen;
        }

        if (Conjunctions.Contains(r))
        {
            return HyphenDecision.KeepHyphenAndSpace;
        }

        if (l.Length == 0 || r.Length == 0 || !char.IsLetter(r[0]) || !char.IsLower(r[0]))
        {
            return HyphenDecision.KeepHyphen;
        }

        // Only the part after an earlier hyphen forms the word being split: "NAVO-vloot-" + "verband".
        var lastPart = l.Contains('-', StringComparison.Ordinal) ? l[(l.LastIndexOf('-') + 1)..] : l;
        if (IsAcronym(lastPart) || lastPart.Any(char.IsDigit))
        {
            return HyphenDecision.KeepHyphen;
        }

        if (words.DocumentUses(l + "-" + r))
        {
            return HyphenDecision.KeepHyphen;
        }

        if (words.Contains(lastPart + r))
        {
            return HyphenDecision.Join;
        }

        // "Benelux-" + "landen": a capitalised word of its own before the hyphen; "Vigi-" + "lance" is not one.
        if (words.Contains(lastPart + "-" + r) || (char.IsUpper(lastPart[0]) && words.Contains(lastPart)))
        {
            return HyphenDecision.KeepHyphen;
        }

        return IsVowel(lastPart[^1]) && IsVowel(r[0]) && lastPart[^1] == r[0] ? HyphenDecision.KeepHyphen : HyphenDecision.Join;
    }

    private static bool IsAcronym(string s) => s.Length > 1 && s.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool IsVowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);
}
