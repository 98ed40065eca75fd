using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>What the letterhead of page 1 says, and every line it occupies (none of them is body text).</summary>
/// <param name="Fields">Null when page 1 has no letterhead: no labelled field, no side column with labels, no Retouradres.</param>
/// <param name="Date">The value of "Datum", when it is one unambiguous date.</param>
/// <param name="DatePrinted">True when the letterhead prints a "Datum" at all, even one that is no date or is ambiguous.</param>
/// <param name="Lines">Every line the letterhead occupies.</param>
/// <param name="Warnings">Fields printed ambiguously, left null.</param>
internal sealed record LetterheadReading(Letterhead? Fields, DateOnly? Date, bool DatePrinted, IReadOnlySet<TextLine> Lines, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>No letterhead: nothing read, no line taken.</summary>
    public static LetterheadReading None { get; } = new(null, null, false, new HashSet<TextLine>(), []);
}

/// <summary>
/// Reads page 1's letterhead as a small grammar of labelled fields. A field is a label (<see cref="LetterheadLabels"/>)
/// with its value after it on the same line, beside it on the same baseline, or below it in the same column. Fields
/// stand in two places: the side column right of the text (rijkshuisstijl: sender, address, Kenmerk, Bijlage(n)…)
/// and rows in the text column above the body (Datum, Betreft/Onderwerp). Above those rows hang the
/// "> Retouradres …" line and the address block; a nota without labels in its text column has its own head
/// (<see cref="NotaHeadParser"/>). Only lines recognised as one of these are taken out of the body.
/// </summary>
internal static class LetterheadParser
{
    /// <summary>Body-column label rows stand in the top part of page 1, never lower than this share of its height.</summary>
    private const double HeadZone = 0.4;

    /// <summary>The letterhead of page 1, or <see cref="LetterheadReading.None"/> when it has none.</summary>
    public static LetterheadReading Parse(IReadOnlyList<PageLines> pages, BodyStyle style, Vocabulary words)
    {
        if (pages.Count == 0)
        {
            return LetterheadReading.None;
        }

        var page = pages[0];
        var lines = page.Lines;
        var taken = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        var fields = new List<(LetterheadField Field, string Value)>();
        var warnings = new List<ParseWarning>();

        var side = lines.Where(l => IsSideColumn(l, style)).ToList();
        var sideLabels = side.Where(l => LetterheadLabels.Match(l.Text) is { Field: not LetterheadField.ReturnAddress } m && (!m.Lowercase || m.Rest.Length == 0)).ToList();
        var bodyLabels = BodyLabelRows(lines, page, style);
        var returnAddress = lines.Where(l => !IsSideColumn(l, style) && l.Baseline > page.Height * HeadZone
            && LetterheadLabels.Match(l.Text) is { Field: LetterheadField.ReturnAddress }).Take(1).ToList();
        if (sideLabels.Count == 0 && bodyLabels.Count == 0 && returnAddress.Count == 0)
        {
            return LetterheadReading.None;
        }

        foreach (var label in sideLabels.Concat(bodyLabels))
        {
            var match = LetterheadLabels.Match(label.Text)!;
            var column = IsSideColumn(label, style) ? side : lines.Where(l => !IsSideColumn(l, style)).ToList();
            var (value, valueLines) = Value(label, match, column, words);
            taken.Add(label);
            taken.UnionWith(valueLines);
            if (value is not null)
            {
                fields.Add((match.Field, value));
            }
        }

        string? addressee = null;
        var bodyTop = bodyLabels.Count > 0 ? bodyLabels.Max(l => l.Baseline) : double.NegativeInfinity;
        if (returnAddress.Count > 0)
        {
            // Whatever stands above "> Retouradres" on page 1 is the letterhead's own top (a logo's text).
            var anchor = returnAddress[0];
            taken.Add(anchor);
            taken.UnionWith(lines.Where(l => l.Baseline > anchor.Baseline + 1 && !IsSideColumn(l, style)));
            var block = AddressBlock(lines.Where(l => !IsSideColumn(l, style) && l.Baseline < anchor.Baseline - 1 && l.Baseline > bodyTop), style, requireAddressLine: false);
            taken.UnionWith(block);
            addressee = Addressee(block);
        }
        else if (bodyLabels.Count > 0)
        {
            var block = AddressBlock(lines.Where(l => !IsSideColumn(l, style) && l.Baseline > bodyTop && l.Baseline > page.Height * HeadZone), style, requireAddressLine: true);
            taken.UnionWith(block);
            addressee = Addressee(block);
        }

        var sender = Sender(side, taken);
        taken.UnionWith(side);
        if (sideLabels.Count > 0 && !fields.Any(f => f.Field == LetterheadField.Subject))
        {
            var nota = NotaHeadParser.Read(page, style, taken, words);
            taken.UnionWith(nota.Lines);
            addressee ??= nota.Addressee;
            if (nota.Subject is { } subject)
            {
                fields.Add((LetterheadField.Subject, subject));
            }
        }

        var letterhead = new Letterhead(
            Single(fields, LetterheadField.Sender, warnings) ?? sender,
            Single(fields, LetterheadField.Addressee, warnings) ?? addressee,
            Single(fields, LetterheadField.Subject, warnings),
            Single(fields, LetterheadField.Reference, warnings),
            Single(fields, LetterheadField.YourReference, warnings),
            Single(fields, LetterheadField.Attachments, warnings),
            Single(fields, LetterheadField.Contact, warnings));
        var date = Date(fields, warnings);
        return new LetterheadReading(letterhead, date, fields.Any(f => f.Field == LetterheadField.Date), taken, warnings);
    }

    private static bool IsSideColumn(TextLine line, BodyStyle style) => line.Left > style.Right + 3;

    /// <summary>
    /// Label rows in the text column: in the top part of page 1, a field label alone on its line (its value beside or
    /// below it) or with a colon, or label rows in a column of labels, at one left edge ("Datum 1 maart 2011" /
    /// "Onderwerp Draagmoederschap", "datum …" / "inzake …" / "zaaknr …"). A lone "Datum van …" sentence is not a row.
    /// </summary>
    private static List<TextLine> BodyLabelRows(IReadOnlyList<TextLine> lines, PageLines page, BodyStyle style)
    {
        var candidates = lines
            .Where(l => !IsSideColumn(l, style) && l.Baseline > page.Height * HeadZone)
            .Select(l => (Line: l, Match: LetterheadLabels.Match(l.Text)))
            .Where(c => c.Match is { Field: not (LetterheadField.ReturnAddress or LetterheadField.Other) } && FitsItsField(c.Match))
            .ToList();
        return candidates
            .Where(c => candidates.Any(o => !ReferenceEquals(o.Line, c.Line) && Math.Abs(o.Line.Left - c.Line.Left) < 3)
                || ((c.Match!.Rest.Length == 0 || c.Match.Colon) && !c.Match.Lowercase))
            .Select(c => c.Line).ToList();
    }

    /// <summary>The value printed on the label's own line must have its field's shape: a date for Datum, a short code for Kenmerk.</summary>
    private static bool FitsItsField(LabelMatch? match)
    {
        if (match is null || match.Rest.Length == 0)
        {
            return match is not null;
        }

        var words = match.Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return match.Field switch
        {
            LetterheadField.Date => LetterheadLabels.FirstDate(match.Rest) is not null && words <= 5,
            LetterheadField.Reference or LetterheadField.YourReference => words <= 3,
            LetterheadField.Attachments => words <= 4,
            _ => match.Rest.Length <= 200,
        };
    }

    /// <summary>
    /// The label's value: the rest of its line, else the line beside it on its baseline, else the lines below it at its
    /// left edge; a value runs on over lines set at its own left edge until a gap, another label or another column.
    /// </summary>
    private static (string? Value, List<TextLine> Lines) Value(TextLine label, LabelMatch match, IReadOnlyList<TextLine> column, Vocabulary words)
    {
        var valueLines = new List<TextLine>();
        var parts = new List<TextLine>();
        double left;
        TextLine previous;
        if (match.Rest.Length > 0)
        {
            parts.Add(label with { Text = match.Rest, Markers = [] });
            // The value on the label's line starts somewhere right of the label; its next line is indented under it.
            left = double.NaN;
            previous = label;
        }
        else if (column.Where(l => !ReferenceEquals(l, label) && Math.Abs(l.Baseline - label.Baseline) < 1.5 && l.Left > label.Right)
                     .OrderBy(l => l.Left).FirstOrDefault() is { } beside && LetterheadLabels.Match(beside.Text) is null)
        {
            parts.Add(beside);
            valueLines.Add(beside);
            left = beside.Left;
            previous = beside;
        }
        else
        {
            left = label.Left;
            previous = label;
        }

        foreach (var line in column.Where(l => l.Baseline < label.Baseline - 1.5).OrderByDescending(l => l.Baseline))
        {
            var size = Math.Max(line.FontSize, previous.FontSize);
            var gap = previous.Baseline - line.Baseline;
            var first = parts.Count == 0;
            var aligned = double.IsNaN(left) ? line.Left > label.Left + 10 && line.Left < label.Right : Math.Abs(line.Left - left) < 3;
            if (!aligned)
            {
                // Lines of the other column interleave (reading order is by baseline); they neither join nor end the value.
                if (Math.Abs(line.Left - label.Left) < 3 || gap > size * 2.5)
                {
                    break;
                }

                continue;
            }

            // A line in lower case at the value's edge ("inzake de Wet …") goes on with the value; at the label's edge it is the next label.
            var nextLabel = LetterheadLabels.Match(line.Text) is { } next && (!next.Lowercase || Math.Abs(line.Left - label.Left) < 3);
            if (gap > size * (first ? 2.5 : 1.7) || nextLabel || line.Text.StartsWith("Geachte ", StringComparison.Ordinal))
            {
                break;
            }

            parts.Add(line);
            valueLines.Add(line);
            previous = line;
        }

        if (parts.Count == 0)
        {
            return (null, valueLines);
        }

        var text = LineJoiner.Join(parts, words).Text.Trim();
        return (text.Length == 0 ? null : text, valueLines);
    }

    /// <summary>
    /// The address block: consecutive lines in the text column (gaps under two lines), the first such block from the top
    /// or, with <paramref name="requireAddressLine"/>, the first that holds a Postbus, street or postcode line.
    /// </summary>
    private static List<TextLine> AddressBlock(IEnumerable<TextLine> candidates, BodyStyle style, bool requireAddressLine)
    {
        var ordered = candidates.OrderByDescending(l => l.Baseline).ToList();
        var blocks = new List<List<TextLine>>();
        foreach (var line in ordered)
        {
            if (blocks.Count > 0 && blocks[^1][^1].Baseline - line.Baseline <= Math.Max(line.FontSize, style.FontSize) * 2)
            {
                blocks[^1].Add(line);
            }
            else
            {
                blocks.Add([line]);
            }
        }

        return (requireAddressLine ? blocks.FirstOrDefault(b => b.Any(l => LetterheadLabels.IsAddressLine(l.Text))) : blocks.FirstOrDefault()) ?? [];
    }

    /// <summary>The addressee: the address block's lines before its first street, Postbus or postcode line.</summary>
    private static string? Addressee(List<TextLine> block)
    {
        var name = block.TakeWhile(l => !LetterheadLabels.IsAddressLine(l.Text)).Select(l => l.Text.Trim()).ToList();
        return name.Count == 0 ? null : string.Join(' ', name);
    }

    /// <summary>
    /// The sender: the side column's first lines, one typeface, before any label or address line
    /// ("Ministerie van / Infrastructuur en / Waterstaat").
    /// </summary>
    private static string? Sender(List<TextLine> side, HashSet<TextLine> taken)
    {
        var ordered = side.OrderByDescending(l => l.Baseline).ToList();
        if (ordered.Count == 0 || taken.Contains(ordered[0]) || LetterheadLabels.Match(ordered[0].Text) is not null || LetterheadLabels.IsAddressLine(ordered[0].Text))
        {
            return null;
        }

        var sender = new List<TextLine> { ordered[0] };
        foreach (var line in ordered.Skip(1))
        {
            var previous = sender[^1];
            if (taken.Contains(line) || line.Bold != previous.Bold || Math.Abs(line.FontSize - previous.FontSize) > 0.3
                || previous.Baseline - line.Baseline > line.FontSize * 1.7
                || LetterheadLabels.Match(line.Text) is not null || LetterheadLabels.IsAddressLine(line.Text))
            {
                break;
            }

            sender.Add(line);
        }

        return string.Join(' ', sender.Select(l => l.Text.Trim()));
    }

    /// <summary>The one value printed for <paramref name="field"/>; two different ones are ambiguous: null and a warning.</summary>
    private static string? Single(List<(LetterheadField Field, string Value)> fields, LetterheadField field, List<ParseWarning> warnings)
    {
        var values = fields.Where(f => f.Field == field).Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count > 1)
        {
            warnings.Add(new ParseWarning(1, $"The letterhead prints {field} twice with different values ({string.Join(" / ", values)}); left empty."));
            return null;
        }

        return values.FirstOrDefault();
    }

    private static DateOnly? Date(List<(LetterheadField Field, string Value)> fields, List<ParseWarning> warnings)
    {
        var printed = fields.Where(f => f.Field == LetterheadField.Date).ToList();
        var dates = printed.Select(f => LetterheadLabels.FirstDate(f.Value)).Where(d => d is not null).Distinct().ToList();
        if (dates.Count > 1)
        {
            warnings.Add(new ParseWarning(1, $"The letterhead prints two different dates ({string.Join(" / ", printed.Select(f => f.Value))}); the letter's date is left empty."));
            return null;
        }

        if (dates.Count == 0 && printed.Count > 0)
        {
            warnings.Add(new ParseWarning(1, $"The letterhead's Datum \"{printed[0].Value}\" is not a date; the letter's date is left empty."));
        }

        return dates.FirstOrDefault();
    }
}
