namespace LetterPipeline.Core.Model;

/// <summary>A line of the page that is not the letter's content and was set aside: a running header, a page number, the side column.</summary>
/// <param name="Page">The page it stands on, from 1.</param>
/// <param name="Kind">What it is (<see cref="FurnitureKinds"/>).</param>
/// <param name="Text">The line's text as printed.</param>
public sealed record FurnitureLine(int Page, string Kind, string Text);

/// <summary>The values of <see cref="FurnitureLine.Kind"/>.</summary>
public static class FurnitureKinds
{
    /// <summary>Text repeated at the top of the pages.</summary>
    public const string RunningHeader = "running-header";

    /// <summary>Text repeated at the bottom of the pages.</summary>
    public const string RunningFooter = "running-footer";

    /// <summary>A page number ("3", "- 3 -", "Pagina 2 van 4").</summary>
    public const string PageNumber = "page-number";

    /// <summary>The Kamerstuk colophon ("kst-…", "ISSN …", "’s-Gravenhage 2024").</summary>
    public const string Colophon = "colophon";

    /// <summary>The document's head: the Kamerstuk print's header block, an Aanhangsel's head and banner, a ministry letter's sender and addressee blocks.</summary>
    public const string Letterhead = "letterhead";

    /// <summary>A table of contents: its entries and their page numbers.</summary>
    public const string Contents = "contents";

    /// <summary>The side column right of the text (a ministry letter's Datum, Kenmerk, contact details).</summary>
    public const string SideColumn = "side-column";

    /// <summary>A label in the left margin ("Vraag 1", the dossier number of a Kamerstuk print).</summary>
    public const string MarginLabel = "margin-label";

    /// <summary>Text set across the page's own direction (a stamp, a note in the margin turned sideways).</summary>
    public const string Rotated = "rotated";
}
