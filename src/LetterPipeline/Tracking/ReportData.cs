namespace LetterPipeline.Tracking;

/// <summary>Everything the HTML report shows, read from the store in one go.</summary>
internal sealed record ReportData(
    IReadOnlyList<StoredLetter> Letters,
    IReadOnlyList<DossierCount> Dossiers,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyDictionary<string, IReadOnlyList<DocumentCount>> DocumentsByDossier,
    IReadOnlyList<DocumentCount> WithoutDossier,
    IReadOnlyDictionary<string, IReadOnlyList<StoredLetter>> CitingLetters,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Reads the report's data; tables for the <paramref name="dossiers"/> most-cited dossiers.</summary>
    public static async Task<ReportData> LoadAsync(IReferenceStore store, int dossiers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var letters = await store.LettersAsync(cancellationToken);
        var allDossiers = await store.DossiersAsync(cancellationToken);
        var months = await store.MonthsAsync(null, cancellationToken);
        var documents = new Dictionary<string, IReadOnlyList<DocumentCount>>();
        foreach (var dossier in allDossiers.Take(dossiers))
        {
            documents[dossier.Dossier] = await store.DocumentsAsync(new DocumentQuery(Dossier: dossier.Dossier), cancellationToken);
        }

        var withoutDossier = await store.DocumentsAsync(new DocumentQuery(WithoutDossier: true), cancellationToken);
        var citing = (await store.CitationsAsync(null, cancellationToken))
            .GroupBy(c => c.Reference.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StoredLetter>)g.Select(c => c.Letter).DistinctBy(l => l.Sha256).ToList());
        return new ReportData(letters, allDossiers, months, documents, withoutDossier, citing, now);
    }
}
