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

    // The format id Office uses for all user-defined custom properties (MS-OSHARED 2.3.3.2.2.1).
    private const string UserDefinedFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    public static void Apply(WordprocessingDocument document, Letter letter, DateTimeOffset now)
    {
        var core = document.PackageProperties;
        core.Title = letter.Title is null ? null : WordText.XmlSafe(letter.Title);
        core.Subject = letter.Kamerstuk is { } kamerstuk ? WordText.XmlSafe(kamerstuk.Id) : null;
        core.Language = "nl-NL";
        // Whole seconds, as Word writes them: some readers of dcterms:W3CDTF reject seven fraction digits.
        var stamp = new DateTime(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        core.Created = stamp;
        core.Modified = stamp;

        var properties = new Properties();
        if (letter.Kamerstuk is { } identity)
        {
            Add(properties, Dossier, identity.Dossier is { Length: > 0 } d ? new VTLPWSTR(WordText.XmlSafe(d)) : null);
            Add(properties, Number, identity.Number is { Length: > 0 } n ? new VTLPWSTR(WordText.XmlSafe(n)) : null);
            Add(properties, Vergaderjaar, identity.Vergaderjaar is { } year ? new VTLPWSTR(WordText.XmlSafe(year)) : null);
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
