namespace LetterPipeline.Core.Model;

/// <summary>What kind of document a PDF holds; decides which printed fields give its title and date.</summary>
public enum LetterKind
{
    /// <summary>Neither of the kinds below: an annex, a report, a fiche.</summary>
    Other,

    /// <summary>A ministry's or advisory body's letter or nota as sent, with a letterhead (Datum, Betreft, Kenmerk…).</summary>
    Letter,

    /// <summary>The Kamerstuk print: header block with dossier, "Nr. N" and document kind.</summary>
    Kamerstuk,

    /// <summary>Aanhangsel van de Handelingen: written questions and their answers.</summary>
    Aanhangsel,
}

/// <summary>
/// The labelled fields of a letter's letterhead and side column, as printed; a field is null when the letter
/// does not print it or prints it ambiguously.
/// </summary>
/// <param name="Sender">The ministry, directorate or body that sends the letter ("Ministerie van Infrastructuur en Waterstaat").</param>
/// <param name="Addressee">The first lines of the address block, without street, Postbus and postcode.</param>
/// <param name="Subject">Betreft / Onderwerp.</param>
/// <param name="Reference">Kenmerk / Ons kenmerk.</param>
/// <param name="YourReference">Uw kenmerk / Uw brief.</param>
/// <param name="Attachments">Bijlage(n), as printed.</param>
/// <param name="Contact">Contactpersoon, as printed.</param>
public sealed record Letterhead(
    string? Sender,
    string? Addressee,
    string? Subject,
    string? Reference,
    string? YourReference,
    string? Attachments,
    string? Contact);
