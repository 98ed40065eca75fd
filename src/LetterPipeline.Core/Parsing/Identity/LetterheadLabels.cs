using System.Text.RegularExpressions;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>The field a letterhead label names.</summary>
internal enum LetterheadField
{
    Date,
    Subject,
    Reference,
    YourReference,
    Attachments,
    Contact,
    Addressee,
    Sender,

    /// <summary>"Retouradres": the line the address block hangs under.</summary>
    ReturnAddress,

    /// <summary>A side-column label without a field of its own (Telefoon, Bezoekadres…): it only ends the value above it.</summary>
    Other,
}

/// <summary>A label at the start of a line, and what follows it on that line.</summary>
/// <param name="Field">The field the label names.</param>
/// <param name="Label">The label as printed.</param>
/// <param name="Rest">What follows the label on its line: the value, when it is set beside it.</param>
/// <param name="Colon">Whether a colon closes the label.</param>
/// <param name="Lowercase">Printed in lower case ("datum"): a label only in a column of labels, never a sentence's continuation.</param>
internal sealed record LabelMatch(LetterheadField Field, string Label, string Rest, bool Colon, bool Lowercase);

/// <summary>
/// The label words of Dutch government letterheads (rijkshuisstijl and older house styles), the field each names,
/// and the shapes of address lines. Labels are printed with a capital, alone on their line with the value beside or
/// below them, or followed by the value on the same line.
/// </summary>
internal static partial class LetterheadLabels
{
    // Matched without regard to case: a notitie prints its labels in lower case ("datum", "inzake", "zaaknr").
    private static readonly Dictionary<string, LetterheadField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Datum"] = LetterheadField.Date,
        ["Betreft"] = LetterheadField.Subject,
        ["Onderwerp"] = LetterheadField.Subject,
        ["Inzake"] = LetterheadField.Subject,
        ["Kenmerk"] = LetterheadField.Reference,
        ["Ons kenmerk"] = LetterheadField.Reference,
        ["Onze referentie"] = LetterheadField.Reference,
        ["Ons nummer"] = LetterheadField.Reference,
        ["Referentie"] = LetterheadField.Reference,
        ["Zaaknummer"] = LetterheadField.Reference,
        ["Zaaknr"] = LetterheadField.Reference,
        ["Zaaknr."] = LetterheadField.Reference,
        ["Uw kenmerk"] = LetterheadField.YourReference,
        ["Uw referentie"] = LetterheadField.YourReference,
        ["Uw brief"] = LetterheadField.YourReference,
        ["Uw brief van"] = LetterheadField.YourReference,
        ["Bijlage(n)"] = LetterheadField.Attachments,
        ["Bijlage(s)"] = LetterheadField.Attachments,
        ["Bijlagen"] = LetterheadField.Attachments,
        ["Bijlage"] = LetterheadField.Attachments,
        ["Contactpersoon"] = LetterheadField.Contact,
        ["Auteur"] = LetterheadField.Contact,
        ["Behandeld door"] = LetterheadField.Contact,
        ["Inlichtingen"] = LetterheadField.Contact,
        ["Aan"] = LetterheadField.Addressee,
        ["Voor"] = LetterheadField.Addressee,
        ["Van"] = LetterheadField.Sender,
        ["Retouradres"] = LetterheadField.ReturnAddress,
        ["Telefoon"] = LetterheadField.Other,
        ["Doorkiesnummer"] = LetterheadField.Other,
        ["Fax"] = LetterheadField.Other,
        ["E-mail"] = LetterheadField.Other,
        ["Bezoekadres"] = LetterheadField.Other,
        ["Postadres"] = LetterheadField.Other,
        ["Internet"] = LetterheadField.Other,
        ["Ons bezoekadres"] = LetterheadField.Other,
        ["Kopie aan"] = LetterheadField.Other,
        ["Cc"] = LetterheadField.Other,
        ["Overheidsidentificatienr"] = LetterheadField.Other,
    };

    /// <summary>The label that opens <paramref name="text"/>, or null.</summary>
    public static LabelMatch? Match(string text)
    {
        var m = Label().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var label = m.Groups["label"].Value;
        var field = Fields[label];
        var colon = m.Groups["colon"].Success;
        var rest = m.Groups["rest"].Value.Trim();
        // "Aan", "Voor" and "Van" open ordinary sentences: they are labels only when set apart (a colon, or alone on the line).
        if (field is LetterheadField.Addressee or LetterheadField.Sender && !colon && rest.Length > 0)
        {
            return null;
        }

        return new LabelMatch(field, label, rest, colon, char.IsLower(label[0]));
    }

    /// <summary>A line of a postal address: Postbus, street and number, postcode and place, or a web or phone line.</summary>
    public static bool IsAddressLine(string text) => AddressLine().IsMatch(text);

    /// <summary>The first date printed in <paramref name="text"/> ("18 oktober 2023", "06 augustus 2020").</summary>
    public static DateOnly? FirstDate(string text) =>
        AnyDate().Match(text) is { Success: true } m ? DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value) : null;

    // Longer labels first, so "Uw brief van" is not read as "Uw brief" + "van …"; "Uw brief (kenmerk)" qualifies its label.
    [GeneratedRegex(@"^(?:>\s*)?(?<label>Ons bezoekadres|Ons kenmerk|Onze referentie|Ons nummer|Uw kenmerk|Uw referentie|Uw brief van|Uw brief|Kenmerk|Referentie|Datum|Betreft|Onderwerp|Bijlage\(n\)|Bijlage\(s\)|Bijlagen|Bijlage|Contactpersoon|Auteur|Kopie aan|Behandeld door|Inlichtingen|Retouradres|Telefoon|Doorkiesnummer|Fax|E-mail|Bezoekadres|Postadres|Internet|Overheidsidentificatienr|Inzake|Zaaknummer|Zaaknr\.?|Voor|Cc|Aan|Van)(?<qualifier>\s*\((?:kenmerk|datum|nummer)\))?(?<colon>\s*:)?(?=$|\s)(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\b|[\p{Lu}][\p{L}.’' -]+\s\d+\s?[a-zA-Z]?(?:-\d+)?$|www\.|https?://|\S+@\S+\.\S+|@|[TtFE]\s*\+?\d|\+31|0\d{1,3}[ -]?\d{3})")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<m>[a-zA-Z]+\.?)\s+(?<y>\d{4})\b")]
    private static partial Regex AnyDate();
}
