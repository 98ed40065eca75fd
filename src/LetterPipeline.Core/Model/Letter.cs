namespace LetterPipeline.Core.Model;

/// <summary>A parliamentary letter recovered from a PDF: identity, structure and footnotes.</summary>
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
}

/// <summary>Where the letter came from.</summary>
public sealed record SourceInfo(string File, string Sha256, int Pages);

/// <summary>The letter's own Kamerstuk number, e.g. "21 501-02, nr. 2586" of vergaderjaar 2022–2023.</summary>
/// <param name="DossierTitle">The title printed beside the dossier number in the header block, joined over its lines.</param>
/// <param name="DocumentKind">The line(s) after "Nr. N" in the header block: "BRIEF VAN DE MINISTER VAN …", "MEMORIE VAN TOELICHTING".</param>
public sealed record LetterIdentity(string Dossier, string Number, string? Vergaderjaar, DateOnly? Date, string? DossierTitle = null, string? DocumentKind = null)
{
    /// <summary>The official publication id, e.g. "kst-21501-02-2586".</summary>
    public string Id => $"kst-{Dossier}-{Number}";
}

/// <summary>A run of paragraphs under one heading; text before the first heading has level 0 and no heading.</summary>
public sealed record Section(int Level, string? Heading, IReadOnlyList<Paragraph> Paragraphs);

/// <summary>One paragraph of body text with the footnote markers that stood in it.</summary>
public sealed record Paragraph(string Text, IReadOnlyList<FootnoteMarker> Markers, bool ListItem)
{
    /// <summary>The footnote numbers this paragraph cites, in order.</summary>
    public IReadOnlyList<string> Footnotes => Markers.Select(m => m.Number).ToArray();
}

/// <summary>A footnote marker removed from the text; <see cref="Offset"/> is the character index it followed.</summary>
public sealed record FootnoteMarker(string Number, int Offset);

/// <summary>A footnote body, joined over lines and pages, with the references it cites.</summary>
public sealed record Footnote(string Number, string Text, int Page, IReadOnlyList<Reference> References);
