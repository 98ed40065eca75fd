using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// The document's kind from what its first page prints: an Aanhangsel's masthead, footer or colophon; a Kamerstuk
/// header block; a letterhead (labelled fields, a side column with labels, "Retouradres"); else only a Kamerstuk
/// running footer (a print's later pages); else nothing of these.
/// </summary>
internal static class DocumentKindClassifier
{
    /// <summary>The kind the heads found on page 1 make the document.</summary>
    public static LetterKind Classify(KamerstukHeader kamerstuk, AanhangselHeading? aanhangsel, LetterheadReading letterhead) =>
        aanhangsel is not null ? LetterKind.Aanhangsel
        : kamerstuk.HasHeaderBlock ? LetterKind.Kamerstuk
        : letterhead.Fields is not null ? LetterKind.Letter
        : kamerstuk.Identity is not null ? LetterKind.Kamerstuk
        : LetterKind.Other;
}
