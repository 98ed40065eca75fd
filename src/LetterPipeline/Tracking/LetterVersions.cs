namespace LetterPipeline.Tracking;

/// <summary>
/// One letter as the analyst counts it: its versions in the store (the minister's letter, its Kamerstuk print, a
/// copy in another typesetting), dated by the earliest version and named by the version with a publication id.
/// </summary>
internal sealed record LetterVersions(string Group, IReadOnlyList<StoredLetter> Versions)
{
    /// <summary>Its publication id when a version has one, else the first version's file.</summary>
    public string Name => Versions.FirstOrDefault(v => v.PublicationId is not null)?.PublicationId ?? Versions[0].Name;

    /// <summary>The title of the version with a publication id, else of the first version with a title.</summary>
    public string? Title => Versions.Where(v => v.Title is not null).OrderBy(v => v.PublicationId is null).FirstOrDefault()?.Title;

    /// <summary>The earliest date of its versions: a print is dated no earlier than the letter it prints.</summary>
    public DateOnly? Date => Versions.Min(v => v.Date);

    /// <summary>The kinds of its versions, e.g. "letter, kamerstuk, other".</summary>
    public string Kinds => string.Join(", ", Versions.Select(v => v.Kind ?? "unknown").Distinct());

    /// <summary>Every letter of <paramref name="letters"/> in its group, keyed by the group, versions in the store's order.</summary>
    public static IReadOnlyDictionary<string, LetterVersions> Of(IEnumerable<StoredLetter> letters) =>
        letters.GroupBy(l => l.LetterGroup, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new LetterVersions(g.Key, g.ToList()), StringComparer.Ordinal);
}
