using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>
/// The letter's identity at the top of page 1, one labelled row per known field (kind, publication id, dossier,
/// date, subject, reference), in its own paragraph style so a reader sees at once what the document is.
/// </summary>
internal static class WordIdentityBlock
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The block's paragraphs; none when nothing is known about the document.</summary>
    public static IEnumerable<Paragraph> Create(Letter letter) =>
        Rows(letter).Select(row =>
        {
            var label = WordText.Run(row.Label + ": ");
            label.RunProperties = new RunProperties { Bold = new Bold() };
            var paragraph = new Paragraph { ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = WordStyles.Identity } } };
            paragraph.Append(label, WordText.Run(row.Value));
            return paragraph;
        });

    /// <summary>The rows of the block, label and value, in reading order.</summary>
    public static IEnumerable<(string Label, string Value)> Rows(Letter letter)
    {
        if (KindName(letter.Kind) is { } kind)
        {
            yield return ("Soort", kind);
        }

        if (letter.PublicationId is { } id)
        {
            yield return ("Publicatie", id);
        }

        if (letter.Kamerstuk is { } kamerstuk)
        {
            yield return ("Dossier", kamerstuk.DossierTitle is { } title ? $"{kamerstuk.Dossier} {title}" : kamerstuk.Dossier);
        }

        if (letter.Date is { } date)
        {
            yield return ("Datum", date.ToString("d MMMM yyyy", Dutch));
        }

        if (letter.Letterhead?.Subject is { } subject)
        {
            yield return ("Betreft", subject);
        }

        if (letter.Letterhead?.Reference is { } reference)
        {
            yield return ("Kenmerk", reference);
        }
    }

    /// <summary>The kind as a Dutch reader names it; null for a document of no known kind.</summary>
    public static string? KindName(LetterKind kind) => kind switch
    {
        LetterKind.Letter => "Brief",
        LetterKind.Kamerstuk => "Kamerstuk",
        LetterKind.Aanhangsel => "Aanhangsel Handelingen",
        _ => null,
    };
}
