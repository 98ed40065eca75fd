using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// A paper the grammar has read, before the printed text of its whole citation is known (that is read last).
/// <see cref="Kamer"/> is "tk" or "ek" for Handelingen and Aanhangsels; <see cref="Year"/> is a gazette's year.
/// </summary>
internal readonly record struct CitedPaper(
    ReferenceKind Kind, string? Dossier, string Number, string? Session, string? Item, DateOnly? Date, string Kamer = "tk", int Year = 0)
{
    public static CitedPaper Kamerstuk(string dossier, string number, string? session, DateOnly? date) =>
        new(ReferenceKind.Kamerstuk, dossier, number, session, null, date);

    public static CitedPaper Gazette(ReferenceKind kind, int year, string number, DateOnly? date) =>
        new(kind, null, number, null, null, date, Year: year);

    /// <summary>The official publication id, as zoek.officielebekendmakingen.nl names the paper.</summary>
    public string Id => Kind switch
    {
        ReferenceKind.Kamerstuk => $"kst-{Dossier}-{Number}",
        ReferenceKind.Handelingen => $"h-{Kamer}-{SessionDigits}-{Number}" + (Item is null ? "" : $"-{Item}"),
        ReferenceKind.Aanhangsel => $"ah-{Kamer}-{SessionDigits}-{Number}",
        _ => $"{PublicationId.GazettePrefix(Kind)}-{Year}-{Number}",
    };

    private string? SessionDigits => Session?.Replace("-", "", StringComparison.Ordinal);

    public Reference ToReference(string printed, string? footnote) =>
        new(Kind, Dossier, Number, Session, Item, Date, Id, printed, footnote);
}
