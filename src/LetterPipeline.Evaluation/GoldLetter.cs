namespace LetterPipeline.Evaluation;

/// <summary>
/// A gold file: what a letter should give. Full gold (<c>tests/corpus/letters</c>) states the title, every section
/// and footnote; partial gold (<see cref="Partial"/>: real documents) states only what its annotator was sure of,
/// and a field it leaves out is null (a list: empty; <see cref="Headings"/>: null, as an empty list states "no headings").
/// </summary>
internal sealed record GoldLetter(
    bool Partial,
    string? Title,
    string? Date,
    GoldLetterhead? Letterhead,
    string? DossierTitle,
    string? DocumentKind,
    GoldKamerstuk? Kamerstuk,
    IReadOnlyList<GoldHeading>? Headings,
    IReadOnlyList<GoldSection> Sections,
    IReadOnlyList<GoldFootnote> Footnotes,
    IReadOnlyList<GoldMarker> Markers,
    IReadOnlyList<string> Furniture,
    IReadOnlyList<string> AllowedExtra);

/// <summary>A ministry letter's letterhead fields that are scored.</summary>
internal sealed record GoldLetterhead(string? Subject, string? Reference);

/// <summary>The letter's own Kamerstuk number; <see cref="Date"/> as printed ("18 november 2022") or ISO.</summary>
internal sealed record GoldKamerstuk(string? Dossier, string? Number, string? Date);

/// <summary>A heading of a real document, printed numbering kept.</summary>
internal sealed record GoldHeading(int Level, string? Text);

/// <summary>A section of full gold; text before the first heading has level 0 and no heading.</summary>
internal sealed record GoldSection(int Level, string? Heading, IReadOnlyList<GoldParagraph> Paragraphs);

/// <summary>A paragraph of full gold and the footnote numbers it cites.</summary>
internal sealed record GoldParagraph(string? Text, IReadOnlyList<string> Footnotes);

internal sealed record GoldFootnote(string Number, string? Text, IReadOnlyList<GoldReference> References);

/// <summary>A cited paper; <see cref="Date"/> is ISO (<c>yyyy-mm-dd</c>).</summary>
internal sealed record GoldReference(string? Kind, string? Dossier, string? Number, string? Vergaderjaar, string? Item, string? Date);

/// <summary>A footnote marker of partial gold: <see cref="After"/> is the text just before it.</summary>
internal sealed record GoldMarker(string Number, string? After);
