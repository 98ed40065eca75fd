using LetterPipeline.Core.Model;

namespace LetterPipeline.Tracking;

/// <summary>A converted letter as the reference store keeps it.</summary>
/// <param name="KamerstukId">The letter's own publication id ("kst-36045-145"), when it was published as a Kamerstuk.</param>
/// <param name="Date">The letter's own date (<see cref="Core.Model.Letter.Date"/>); null when it prints none.</param>
/// <param name="Kind">"letter", "kamerstuk", "aanhangsel" or "other" (<see cref="Core.Model.Letter.Kind"/>); null for letters recorded before converter 1.2.</param>
/// <param name="PublicationId">The document's own official id ("kst-36450-6", "ah-tk-20232024-1076"), when it prints or implies one.</param>
/// <param name="Group">The letter it is a version of (<see cref="LetterGrouping"/>): the smallest SHA-256 among the versions.</param>
/// <param name="JsonPath">Where its JSON output was written, when known.</param>
/// <param name="DocxPath">Where its Word output was written, when known.</param>
internal sealed record StoredLetter(
    string Sha256,
    string File,
    string? Title,
    string? KamerstukId,
    DateOnly? Date,
    int Pages,
    string PipelineVersion,
    DateTimeOffset ConvertedAt,
    int References,
    string? Kind = null,
    string? PublicationId = null,
    string? Group = null,
    string? JsonPath = null,
    string? DocxPath = null)
{
    /// <summary>The letter it is a version of; itself when it has no other versions.</summary>
    public string LetterGroup => Group ?? Sha256;

    /// <summary>How a listing names the letter: its publication id, else its file.</summary>
    public string Name => PublicationId ?? KamerstukId ?? File;
}

/// <summary>One occurrence of a reference in a letter; <see cref="Position"/> is its index in the letter's reference list.</summary>
internal sealed record Citation(StoredLetter Letter, int Position, Reference Reference);

/// <summary>
/// How often one document was cited, counted per letter (a group of versions counts once, with the most occurrences
/// any of its versions has): occurrences, citing letters and the span of the citing letters' dates.
/// </summary>
internal sealed record DocumentCount(
    string Id,
    ReferenceKind Kind,
    string? Dossier,
    string Number,
    DateOnly? Date,
    int Citations,
    int Letters,
    DateOnly? FirstCited,
    DateOnly? LastCited)
{
    public string Url => Reference.OfficialBaseUrl + Uri.EscapeDataString(Id);
}

/// <summary>
/// Citations of a dossier by the month of the citing letter (the earliest date of its versions), per letter as in
/// <see cref="DocumentCount"/>; <see cref="Month"/> ("2023-02") is null for letters none of whose versions is dated.
/// </summary>
internal sealed record MonthCount(string Dossier, string? Month, int Citations, int Letters);

/// <summary>Citations of one dossier over all letters.</summary>
internal sealed record DossierCount(string Dossier, int Citations, int Letters, int Documents);

/// <summary>The outputs a letter was recorded from; either path may be unknown.</summary>
internal sealed record LetterOutputs(string? Json, string? Docx)
{
    public static readonly LetterOutputs None = new(null, null);
}

/// <summary>A document the store holds itself: its publication id, title and the letter group it belongs to.</summary>
internal sealed record StoredPaper(string Id, string? Title, string Group);

/// <summary>Which documents <see cref="IReferenceStore.DocumentsAsync"/> counts.</summary>
/// <param name="Dossier">Only this dossier; null for all.</param>
/// <param name="WithoutDossier">Only Handelingen, Aanhangsels and gazettes (references without a dossier).</param>
/// <param name="Since">Only citations by letters dated on or after this day (undated letters are left out).</param>
/// <param name="Limit">At most this many documents, most cited first; null for all.</param>
internal sealed record DocumentQuery(string? Dossier = null, bool WithoutDossier = false, DateOnly? Since = null, int? Limit = null);

/// <summary>
/// Every converted letter and every reference it cites, in the same database as the ledger, with the queries the
/// <c>refs</c> commands and the report need. SQLite by default, PostgreSQL when <c>Storage:Provider</c> says so.
/// </summary>
internal interface IReferenceStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start and from several processes at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="letter"/> under its content SHA-256. The same content under the same pipeline version
    /// changes nothing (returns false); a new pipeline version replaces the letter and its references in one transaction.
    /// </summary>
    Task<bool> RecordAsync(Letter letter, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken) =>
        RecordAsync(letter, LetterOutputs.None, pipelineVersion, convertedAt, cancellationToken);

    /// <summary>
    /// As above, noting where its outputs are; the letter joins the group of its other versions
    /// (<see cref="LetterGrouping"/>), merging groups it connects.
    /// </summary>
    Task<bool> RecordAsync(Letter letter, LetterOutputs outputs, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken);

    /// <summary>Every document the store holds with its own publication id (or Kamerstuk id): names for cited ids.</summary>
    Task<IReadOnlyList<StoredPaper>> PapersAsync(CancellationToken cancellationToken);

    /// <summary>The title of each dossier as printed in any stored Kamerstuk of it ("21501-02" → "Raad Algemene Zaken en …").</summary>
    Task<IReadOnlyDictionary<string, string>> DossierTitlesAsync(CancellationToken cancellationToken);

    /// <summary>Letters whose SHA-256 starts with <paramref name="key"/>, whose file (or file without extension) is it, or whose own Kamerstuk or publication id is it.</summary>
    Task<IReadOnlyList<StoredLetter>> FindLettersAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredLetter>> LettersAsync(CancellationToken cancellationToken);

    /// <summary>Every occurrence of the documents <paramref name="ids"/> (all documents when null), oldest letter first, undated letters last.</summary>
    Task<IReadOnlyList<Citation>> CitationsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken);

    /// <summary>The first occurrence of each document <paramref name="letter"/> cites that no letter dated before it cites.</summary>
    Task<IReadOnlyList<Citation>> NewInAsync(StoredLetter letter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DocumentCount>> DocumentsAsync(DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>Citations per dossier and month of the citing letter; only <paramref name="dossier"/> when given.</summary>
    Task<IReadOnlyList<MonthCount>> MonthsAsync(string? dossier, CancellationToken cancellationToken);

    /// <summary>Dossiers by citations, most cited first.</summary>
    Task<IReadOnlyList<DossierCount>> DossiersAsync(CancellationToken cancellationToken);
}
