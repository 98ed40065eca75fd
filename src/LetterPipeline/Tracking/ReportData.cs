using LetterPipeline.Storage;

namespace LetterPipeline.Tracking;

/// <summary>Everything the HTML report shows, read from the store in one go. Letters are counted per group of versions.</summary>
internal sealed record ReportData(
    IReadOnlyList<StoredLetter> Letters,
    IReadOnlyList<LetterVersions> Groups,
    IReadOnlyList<DossierCount> Dossiers,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyDictionary<string, IReadOnlyList<DocumentCount>> DocumentsByDossier,
    IReadOnlyList<DocumentCount> WithoutDossier,
    IReadOnlyList<DocumentCount> MostCited,
    IReadOnlyDictionary<string, IReadOnlyList<LetterVersions>> CitingLetters,
    PaperNames Names,
    IReadOnlyList<LedgerEntry> Failed,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Reads the report's data; tables for the <paramref name="dossiers"/> most-cited dossiers; <paramref name="failed"/> from the ledger.</summary>
    public static async Task<ReportData> LoadAsync(IReferenceStore store, int dossiers, IReadOnlyList<LedgerEntry> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var letters = await store.LettersAsync(cancellationToken);
        var groups = LetterVersions.Of(letters);
        var allDossiers = await store.DossiersAsync(cancellationToken);
        var months = await store.MonthsAsync(null, cancellationToken);
        var documents = new Dictionary<string, IReadOnlyList<DocumentCount>>();
        foreach (var dossier in allDossiers.Take(dossiers))
        {
            documents[dossier.Dossier] = await store.DocumentsAsync(new DocumentQuery(Dossier: dossier.Dossier), cancellationToken);
        }

        var withoutDossier = await store.DocumentsAsync(new DocumentQuery(WithoutDossier: true), cancellationToken);
        var mostCited = await store.DocumentsAsync(new DocumentQuery(Limit: 20), cancellationToken);
        var citing = (await store.CitationsAsync(null, cancellationToken))
            .GroupBy(c => c.Reference.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LetterVersions>)g.Select(c => groups[c.Letter.LetterGroup]).Distinct().ToList());
        // Letters in the store's order (dated, oldest first), each group where its first version stands.
        var ordered = letters.Select(l => groups[l.LetterGroup]).Distinct().OrderBy(g => g.Date is null).ThenBy(g => g.Date).ToList();
        return new ReportData(letters, ordered, allDossiers, months, documents, withoutDossier, mostCited, citing,
            await PaperNames.LoadAsync(store, cancellationToken), failed, now);
    }
}
