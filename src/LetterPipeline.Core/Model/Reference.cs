namespace LetterPipeline.Core.Model;

/// <summary>What kind of parliamentary paper a reference points to.</summary>
public enum ReferenceKind
{
    /// <summary>A Kamerstuk: a paper in a dossier ("Kamerstuk 36 045, nr. 121").</summary>
    Kamerstuk,

    /// <summary>The Handelingen: the record of a sitting ("Handelingen II 2022/23, nr. 30, item 12").</summary>
    Handelingen,

    /// <summary>The Aanhangsel Handelingen: answers to written questions ("Aanhangsel Handelingen II 2022/23, nr. 512").</summary>
    Aanhangsel,
}

/// <summary>
/// A normalised pointer to a parliamentary paper, e.g. "Kamerstuk 36 045, nr. 121" →
/// dossier "36045", number "121", id "kst-36045-121".
/// </summary>
/// <param name="Kind">Kamerstuk, Handelingen or Aanhangsel Handelingen.</param>
/// <param name="Dossier">Dossier without grouping spaces, suffix joined with '-' ("21501-02", "36200-V"); null for Handelingen.</param>
/// <param name="Number">The document number within the dossier, or the Handelingen/Aanhangsel number.</param>
/// <param name="Vergaderjaar">"2022-2023" when printed, else null.</param>
/// <param name="Item">The Handelingen item, else null.</param>
/// <param name="Date">The date printed with the citation, else null.</param>
/// <param name="Id">The official publication id ("kst-21501-02-2586", "h-tk-20222023-30-12", "ah-tk-20222023-512").</param>
/// <param name="Text">The citation as printed.</param>
/// <param name="Footnote">The footnote it came from; null for body text.</param>
public sealed record Reference(
    ReferenceKind Kind,
    string? Dossier,
    string Number,
    string? Vergaderjaar,
    string? Item,
    DateOnly? Date,
    string Id,
    string Text,
    string? Footnote = null)
{
    /// <summary>Where official publications are published, by id.</summary>
    public const string OfficialBaseUrl = "https://zoek.officielebekendmakingen.nl/";

    /// <summary>Where the paper is published.</summary>
    public string Url => OfficialBaseUrl + Id;
}
