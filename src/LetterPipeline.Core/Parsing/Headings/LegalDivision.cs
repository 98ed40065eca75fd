namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>
/// The divisions of a Dutch act, outermost first (Aanwijzingen voor de regelgeving, ch. 3): a bill, decree or its
/// explanatory memorandum nests them in this order whichever of them it uses.
/// </summary>
internal enum LegalDivision
{
    /// <summary>Not a legal division.</summary>
    None,

    /// <summary>BOEK 1 (the civil code's books).</summary>
    Boek,

    /// <summary>DEEL 1.</summary>
    Deel,

    /// <summary>HOOFDSTUK 1.</summary>
    Hoofdstuk,

    /// <summary>TITEL 1.1.</summary>
    Titel,

    /// <summary>AFDELING 1.1.1.</summary>
    Afdeling,

    /// <summary>PARAGRAAF 1 or § 1.</summary>
    Paragraaf,

    /// <summary>Artikel 1, Artikel 1.1.5, ARTIKEL I (the articles of an amending act): all one level.</summary>
    Artikel,
}
