namespace LetterPipeline.Core.Citations;

/// <summary>What a <see cref="CitationToken"/> is.</summary>
internal enum CitationTokenKind
{
    /// <summary>A run of letters, e.g. "Kamerstukken", "nr", "ll".</summary>
    Word,

    /// <summary>A run of digits, e.g. "374", "36045".</summary>
    Number,

    /// <summary>A dossier number printed in two groups ("36 045", "35.845"); the value has the groups joined.</summary>
    Dossier,

    /// <summary>An upper-case Roman numeral ("II", "VIII"): a Kamer or a dossier suffix.</summary>
    Roman,

    /// <summary>A vergaderjaar ("2022/23", "2015–16", "1991-1992"); the value is "2022-2023".</summary>
    Session,

    /// <summary>
    /// Two years printed like a vergaderjaar that is not one: a typo ("2023–34") or a period ("2019–2023").
    /// Never a dossier; the value is the text as printed.
    /// </summary>
    Years,

    /// <summary>A day, month name and year ("4 november 2022"); see <see cref="CitationToken.Date"/>.</summary>
    Date,

    /// <summary>A web address; swallowed whole so the numbers in it are never read.</summary>
    Url,

    /// <summary>
    /// An official publication id, printed bare ("kst-30552-3") or as the last part of an official address
    /// ("https://zoek.officielebekendmakingen.nl/kst-36045-121.html"); the value is the id.
    /// </summary>
    Identifier,

    /// <summary>A hyphen or dash of any width.</summary>
    Dash,

    /// <summary>Any other single character: , ; . ( ) / and so on.</summary>
    Punct,
}

/// <summary>One token of printed citation text; <see cref="Start"/>..<see cref="End"/> is its span in the source.</summary>
internal readonly record struct CitationToken(CitationTokenKind Kind, string Value, int Start, int End, DateOnly Date = default)
{
    public bool IsWord(string word) =>
        Kind is CitationTokenKind.Word or CitationTokenKind.Roman && Value.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(char c) => Kind == CitationTokenKind.Punct && Value[0] == c;
}
