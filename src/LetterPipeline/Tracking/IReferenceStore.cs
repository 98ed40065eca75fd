using LetterPipeline.Core.Model;

namespace LetterPipeline.Tracking;

/// <summary>A converted letter as the reference store keeps it.</summary>
/// <param name="KamerstukId">The letter's own publication id ("kst-36045-145"), when it was published as a Kamerstuk.</param>
/// <param name="Date">The letter's own date (<see cref="Core.Model.Letter.Date"/>); null when it prints none.</param>
/// <param name="Kind">"letter", "kamerstuk", "aanhangsel" or "other" (<see cref="Core.Model.Letter.Kind"/>); null for letters recorded before converter 1.2.</param>
/// <param name="PublicationId">The document's own official id ("kst-36450-6", "ah-tk-20232024-1076"), when it prints or implies one.</param>
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
    string? PublicationId = null)
{
    /// <summary>How a listing names the letter: its publication id, else its file.</summary>
    public string Name => PublicationId ?? KamerstukId ?? File;
}

/// <summary>One occurrence of a reference in a letter; <see cref="Position"/> is its index in the letter's reference list.</summary>
internal sealed record Citation(StoredLetter Letter, int Position, Reference Reference);

/// <summary>How often one document was cited: occurrences, distinct citing letters and the span of the citing letters' dates.</summary>
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

/// <summary>Citations of a dossier by the month of the citing letter; <see cref="Month"/> ("2023-02") is null for undated letters.</summary>
internal sealed record MonthCount(string Dossier, string? Month, int Citations, int Letters);

/// <summary>Citations of one dossier over all letters.</summary>
internal sealed record DossierCount(string Dossier, int Citations, int Letters, int Documents);

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
    Task<bool> RecordAsync(Letter letter, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken);

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
