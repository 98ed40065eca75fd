namespace LetterPipeline.Core.Model;

/// <summary>A parliamentary letter recovered from a PDF: identity, structure and footnotes.</summary>
/// <param name="Source">The PDF it was read from.</param>
/// <param name="Kamerstuk">The letter's own Kamerstuk number when it is printed as a Kamerstuk, else null.</param>
/// <param name="Sections">The body text, in reading order.</param>
/// <param name="Footnotes">The footnotes, in the order printed.</param>
/// <param name="References">Every reference in reading order: body text first, each footnote's references after the paragraph citing it.</param>
/// <param name="Title">The letter's own printed title; a letter without one: its Betreft; a motion: its "Motie van …" line;
/// an Aanhangsel: the question's subject line; null when nothing can stand for it.</param>
/// <param name="Date">The letter's own date, from whatever its kind prints: "Datum", "Den Haag, 3 maart 2023", "Ontvangen …",
/// "Vastgesteld …", "Voorgesteld …", an Aanhangsel's "(ontvangen …)"; null when none is printed.</param>
/// <param name="Kind">What kind of document this is: a letter as sent, a Kamerstuk print, an Aanhangsel, or other.</param>
/// <param name="PublicationId">The official id the document prints or implies ("kst-36450-6", "ah-tk-20232024-1076"), else null.</param>
/// <param name="Letterhead">The labelled fields of a letter's letterhead; null for documents that are not letters.</param>
public sealed record Letter(
    SourceInfo Source,
    string? Title,
    LetterIdentity? Kamerstuk,
    DateOnly? Date,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<Reference> References,
    LetterKind Kind = LetterKind.Other,
    string? PublicationId = null,
    Letterhead? Letterhead = null)
{
    /// <summary>Version of the JSON contract; bump on any breaking change of the shape.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The written questions and answers, for an Aanhangsel or a letter answering Kamervragen; null otherwise.</summary>
    public QuestionSet? Questions { get; init; }

    /// <summary>How the letter was read (text layer or OCR) and what is doubtful about it.</summary>
    public LetterQuality Quality { get; init; } = LetterQuality.TextLayerOnly;
}

/// <summary>Where the letter came from.</summary>
/// <param name="File">The PDF's file name (no folder); empty when the letter was read from bytes or a stream without a name.</param>
/// <param name="Sha256">The PDF's SHA-256, lowercase hex.</param>
/// <param name="Pages">The PDF's page count.</param>
public sealed record SourceInfo(string File, string Sha256, int Pages);

/// <summary>The letter's own Kamerstuk number, e.g. "21 501-02, nr. 2586" of vergaderjaar 2022–2023.</summary>
/// <param name="Dossier">The dossier without grouping spaces, suffix joined with '-' ("21501-02").</param>
/// <param name="Number">The document number within the dossier ("2586").</param>
/// <param name="Vergaderjaar">The parliamentary year ("2022-2023") when printed, else null.</param>
/// <param name="Date">The Kamerstuk's date when printed, else null.</param>
/// <param name="DossierTitle">The title printed beside the dossier number in the header block, joined over its lines.</param>
/// <param name="DocumentKind">The line(s) after "Nr. N" in the header block: "BRIEF VAN DE MINISTER VAN …", "MEMORIE VAN TOELICHTING".</param>
public sealed record LetterIdentity(string Dossier, string Number, string? Vergaderjaar, DateOnly? Date, string? DossierTitle = null, string? DocumentKind = null)
{
    /// <summary>The official publication id, e.g. "kst-21501-02-2586".</summary>
    public string Id => $"kst-{Dossier}-{Number}";
}

/// <summary>A run of paragraphs under one heading; text before the first heading has level 0 and no heading.</summary>
/// <param name="Level">The heading's level, 1 for the top; 0 for text before the first heading.</param>
/// <param name="Heading">The heading's text, or null for text before the first heading.</param>
/// <param name="Paragraphs">The paragraphs and list items under the heading.</param>
public sealed record Section(int Level, string? Heading, IReadOnlyList<Paragraph> Paragraphs);

/// <summary>One paragraph of body text with the footnote markers that stood in it.</summary>
/// <param name="Text">The text, joined over its lines (line-break hyphens resolved), markers removed.</param>
/// <param name="Markers">The footnote markers that stood in the text, in order.</param>
/// <param name="ListItem">True for an item of a bulleted list.</param>
public sealed record Paragraph(string Text, IReadOnlyList<FootnoteMarker> Markers, bool ListItem)
{
    /// <summary>The footnote numbers this paragraph cites, in order.</summary>
    public IReadOnlyList<string> Footnotes => Markers.Select(m => m.Number).ToArray();
}

/// <summary>A footnote marker removed from the text; <see cref="Offset"/> is the character index it followed.</summary>
/// <param name="Number">The footnote number as printed ("3").</param>
/// <param name="Offset">The index in the paragraph's text of the character the marker followed.</param>
public sealed record FootnoteMarker(string Number, int Offset);

/// <summary>A footnote body, joined over lines and pages, with the references it cites.</summary>
/// <param name="Number">The footnote number as printed ("3").</param>
/// <param name="Text">The footnote's text, without its number.</param>
/// <param name="Page">The page it starts on, from 1.</param>
/// <param name="References">The references it cites, in order.</param>
public sealed record Footnote(string Number, string Text, int Page, IReadOnlyList<Reference> References);
