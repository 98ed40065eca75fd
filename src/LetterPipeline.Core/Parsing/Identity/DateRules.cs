using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// The document's own date, from what its kind prints: an Aanhangsel's "(ontvangen …)", a Kamerstuk's "Den Haag, …",
/// "Ontvangen …", "Vastgesteld …" or "Voorgesteld …", a letter's "Datum"; failing those, a place-and-date line on
/// page 1. Null only when nothing is printed (or the letterhead prints two different dates).
/// </summary>
internal static class DateRules
{
    /// <summary>The document's own date by its kind, or null when it prints none.</summary>
    public static DateOnly? Choose(DocumentHead head, IReadOnlyList<PageLines> pages)
    {
        var own = head.Kind switch
        {
            LetterKind.Aanhangsel => head.Aanhangsel?.Date,
            LetterKind.Kamerstuk => head.Kamerstuk.Identity?.Date,
            LetterKind.Letter => head.Letterhead.Date,
            _ => null,
        };
        if (own is not null)
        {
            return own;
        }

        // A letterhead whose "Datum" is no date or two dates has warned already: a guess from elsewhere would hide that.
        return head.Kind == LetterKind.Letter && head.Letterhead.DatePrinted ? null : LetterDateFinder.Find(pages);
    }
}
