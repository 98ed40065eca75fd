using System.Globalization;

namespace LetterPipeline.Core.Model;

/// <summary>What kind of parliamentary paper or official gazette a reference points to.</summary>
public enum ReferenceKind
{
    /// <summary>A Kamerstuk: a paper in a dossier ("Kamerstuk 36 045, nr. 121").</summary>
    Kamerstuk,

    /// <summary>The Handelingen: the record of a sitting ("Handelingen II 2022/23, nr. 30, item 12").</summary>
    Handelingen,

    /// <summary>The Aanhangsel Handelingen: answers to written questions ("Aanhangsel Handelingen II 2022/23, nr. 512").</summary>
    Aanhangsel,

    /// <summary>The Staatsblad (laws, orders in council): "Stb. 2023, 123" → "stb-2023-123".</summary>
    Staatsblad,

    /// <summary>The Staatscourant (ministerial regulations, notices): "Stcrt. 2021, 12345" → "stcrt-2021-12345".</summary>
    Staatscourant,

    /// <summary>The Tractatenblad (treaties): "Trb. 2022, 45" → "trb-2022-45".</summary>
    Tractatenblad,
}

/// <summary>
/// A normalised pointer to a parliamentary paper, e.g. "Kamerstuk 36 045, nr. 121" →
/// dossier "36045", number "121", id "kst-36045-121".
/// </summary>
/// <param name="Kind">Kamerstuk, Handelingen, Aanhangsel Handelingen or one of the official gazettes.</param>
/// <param name="Dossier">Dossier without grouping spaces, suffix joined with '-' ("21501-02", "36200-V"); null for the other kinds.</param>
/// <param name="Number">The document number within the dossier, the Handelingen/Aanhangsel number, or the gazette number within its year.</param>
/// <param name="Vergaderjaar">"2022-2023" when printed, else null.</param>
/// <param name="Item">The Handelingen item, else null.</param>
/// <param name="Date">The date printed with the citation, else null.</param>
/// <param name="Id">The official publication id ("kst-21501-02-2586", "h-tk-20222023-30-12", "ah-tk-20222023-512", "stb-2023-123").</param>
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

    /// <summary>
    /// The year of an official gazette, the middle part of its id ("stb-2023-123" → 2023), as <see cref="Url"/> is
    /// made from the id; null for parliamentary papers, whose session is <see cref="Vergaderjaar"/>.
    /// </summary>
    public int? Year =>
        Kind is ReferenceKind.Staatsblad or ReferenceKind.Staatscourant or ReferenceKind.Tractatenblad
        && Id.Split('-') is [_, var year, _]
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? y
            : null;
}
