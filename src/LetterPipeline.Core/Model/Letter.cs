namespace LetterPipeline.Core.Model;

/// <summary>A parliamentary letter recovered from a PDF: identity, structure and footnotes.</summary>
/// <param name="Date">The letter's own date: its Kamerstuk date, the side column's "Datum", or a "Den Haag, 6 januari 2023" line.</param>
public sealed record Letter(
    SourceInfo Source,
    string? Title,
    LetterIdentity? Kamerstuk,
    DateOnly? Date,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<Reference> References)
{
    /// <summary>Version of the JSON contract; bump on any breaking change of the shape.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>How the letter was read (text layer or OCR) and what is doubtful about it.</summary>
    public LetterQuality Quality { get; init; } = LetterQuality.TextLayerOnly;
}

/// <summary>Where the letter came from.</summary>
public sealed record SourceInfo(string File, string Sha256, int Pages);

/// <summary>The letter's own Kamerstuk number, e.g. "21 501-02, nr. 2586" of vergaderjaar 2022–2023.</summary>
public sealed record LetterIdentity(string Dossier, string Number, string? Vergaderjaar, DateOnly? Date)
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
