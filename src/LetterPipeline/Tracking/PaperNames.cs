namespace LetterPipeline.Tracking;

/// <summary>What a cited id is called: the title of the paper itself when the store holds it, else its dossier's title.</summary>
/// <param name="Text">The title to show.</param>
/// <param name="Group">The letter group of the paper in the store, when the name is its own title; null for a dossier title.</param>
internal sealed record PaperName(string Text, string? Group);

/// <summary>
/// Names for cited ids, learned from the store: a cited paper the store holds is named by its own title (and can link
/// to it); any other Kamerstuk by the title of its dossier as printed in any stored Kamerstuk of that dossier.
/// </summary>
internal sealed class PaperNames(IReadOnlyDictionary<string, StoredPaper> papers, IReadOnlyDictionary<string, string> dossierTitles)
{
    public static async Task<PaperNames> LoadAsync(IReferenceStore store, CancellationToken cancellationToken)
    {
        var papers = (await store.PapersAsync(cancellationToken))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Title is null).First(), StringComparer.Ordinal);
        return new PaperNames(papers, await store.DossierTitlesAsync(cancellationToken));
    }

    /// <summary>The name of <paramref name="id"/> (of <paramref name="dossier"/>), or null when the store knows neither.</summary>
    public PaperName? Of(string id, string? dossier) =>
        papers.TryGetValue(id, out var paper) && paper.Title is not null ? new PaperName(paper.Title, paper.Group)
        : dossier is not null && dossierTitles.TryGetValue(dossier, out var title) ? new PaperName(title, null)
        : null;

    /// <summary>The title of <paramref name="dossier"/> as a stored Kamerstuk of it prints it, or null.</summary>
    public string? Dossier(string dossier) => dossierTitles.GetValueOrDefault(dossier);

    /// <summary>"store" when the name is the paper's own title, "dossier" when it is its dossier's, null when there is none.</summary>
    public static string? Source(PaperName? name) => name is null ? null : name.Group is null ? "dossier" : "store";
}
