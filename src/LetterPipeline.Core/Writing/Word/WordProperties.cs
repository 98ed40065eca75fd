using System.Globalization;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>The letter's identity as document properties, so records systems can index the file without opening it.</summary>
internal static class WordProperties
{
    public const string Dossier = "Dossier";
    public const string Number = "Nummer";
    public const string Vergaderjaar = "Vergaderjaar";
    public const string LetterDate = "Datum brief";

    /// <summary>The document's kind: Brief, Kamerstuk, Aanhangsel Handelingen.</summary>
    public const string Kind = "Soort";

    /// <summary>The official id: kst-36450-6, ah-tk-20232024-1076.</summary>
    public const string PublicationId = "Publicatie";

    /// <summary>The title beside the dossier number in a Kamerstuk's header block.</summary>
    public const string DossierTitle = "Dossiertitel";

    /// <summary>The line after "Nr. N": BRIEF VAN DE MINISTER VAN …, MEMORIE VAN TOELICHTING.</summary>
    public const string DocumentKind = "Documentsoort";

    /// <summary>The letterhead's Betreft / Onderwerp.</summary>
    public const string Subject = "Betreft";

    /// <summary>The letterhead's Kenmerk / Ons kenmerk.</summary>
    public const string Reference = "Kenmerk";

    /// <summary>The letterhead's Uw kenmerk.</summary>
    public const string YourReference = "Uw kenmerk";

    /// <summary>The ministry, directorate or body that sends the letter.</summary>
    public const string Sender = "Afzender";

    /// <summary>The addressee of the letter, without address.</summary>
    public const string Addressee = "Geadresseerde";

    // The format id Office uses for all user-defined custom properties (MS-OSHARED 2.3.3.2.2.1).
    private const string UserDefinedFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    public static void Apply(WordprocessingDocument document, Letter letter, DateTimeOffset now)
    {
        var core = document.PackageProperties;
        core.Title = letter.Title is null ? null : WordText.XmlSafe(letter.Title);
        core.Subject = letter.PublicationId is { } id ? WordText.XmlSafe(id) : null;
        core.Category = WordIdentityBlock.KindName(letter.Kind);
        core.Language = "nl-NL";
        // Whole seconds, as Word writes them: some readers of dcterms:W3CDTF reject seven fraction digits.
        var stamp = new DateTime(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        core.Created = stamp;
        core.Modified = stamp;

        var properties = new Properties();
        Add(properties, Kind, Text(WordIdentityBlock.KindName(letter.Kind)));
        Add(properties, PublicationId, Text(letter.PublicationId));
        if (letter.Kamerstuk is { } identity)
        {
            Add(properties, Dossier, Text(identity.Dossier));
            Add(properties, Number, Text(identity.Number));
            Add(properties, Vergaderjaar, Text(identity.Vergaderjaar));
            Add(properties, DossierTitle, Text(identity.DossierTitle));
            Add(properties, DocumentKind, Text(identity.DocumentKind));
        }

        if (letter.Letterhead is { } letterhead)
        {
            Add(properties, Subject, Text(letterhead.Subject));
            Add(properties, Reference, Text(letterhead.Reference));
            Add(properties, YourReference, Text(letterhead.YourReference));
            Add(properties, Sender, Text(letterhead.Sender));
            Add(properties, Addressee, Text(letterhead.Addressee));
        }

        // A date property (vt:filetime) so Word shows and sorts it as a date; the letter's date has no time of day.
        Add(properties, LetterDate, letter.Date is { } date
            ? new VTFileTime(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z")
            : null);
        if (properties.HasChildren)
        {
            document.AddCustomFilePropertiesPart().Properties = properties;
        }
    }

    private static VTLPWSTR? Text(string? value) => value is { Length: > 0 } v ? new VTLPWSTR(WordText.XmlSafe(v)) : null;

    private static void Add(Properties properties, string name, DocumentFormat.OpenXml.OpenXmlElement? value)
    {
        if (value is null)
        {
            return;
        }

        // Property ids 0 and 1 are reserved; user-defined properties count from 2.
        var id = properties.ChildElements.Count + 2;
        properties.Append(new CustomDocumentProperty(value) { FormatId = UserDefinedFormatId, PropertyId = id, Name = name });
    }
}
