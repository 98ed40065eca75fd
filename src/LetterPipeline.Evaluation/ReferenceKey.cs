using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation;

/// <summary>
/// What makes two references the same: a Kamerstuk by dossier (no spaces, upper case) and number; Handelingen
/// and Aanhangsels by kind, the digits of the vergaderjaar, number and item. Any other kind counts as a Kamerstuk.
/// </summary>
internal readonly record struct ReferenceKey(string Kind, string Series, string Number, string Item)
{
    public static ReferenceKey Of(GoldReference r) => Of(r.Kind, r.Dossier, r.Number, r.Vergaderjaar, r.Item);

    public static ReferenceKey Of(Reference r) => Of(r.Kind.ToString(), r.Dossier, r.Number, r.Vergaderjaar, r.Item);

    private static ReferenceKey Of(string? kind, string? dossier, string? number, string? vergaderjaar, string? item)
    {
        var lowered = string.IsNullOrEmpty(kind) ? "kamerstuk" : kind.ToLowerInvariant();
        var trimmedNumber = TextNormaliser.Strip(number ?? "");
        return lowered is "handelingen" or "aanhangsel"
            ? new ReferenceKey(lowered, string.Concat((vergaderjaar ?? "").Where(char.IsAsciiDigit)), trimmedNumber, item ?? "")
            : new ReferenceKey("kamerstuk", TextNormaliser.RemoveSpace(dossier ?? "").ToUpperInvariant(), trimmedNumber, "");
    }
}
