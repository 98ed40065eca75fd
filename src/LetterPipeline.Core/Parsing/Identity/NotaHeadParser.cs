using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>What the head of a nota prints without labels; each part null when not printed.</summary>
internal sealed record NotaHead(string? Addressee, string? Subject, IReadOnlySet<TextLine> Lines);

/// <summary>
/// The head of a rijkshuisstijl nota (a beslisnota to the minister), whose text column prints no labels: the
/// addressee on a line of its own ("Aan de Minister van Economische Zaken"), the subject beside the word "nota" (an
/// image, so the subject's lines stand indented with nothing left of them), the instruction ("TER BESLISSING",
/// "TER ONDERTEKENING") and the "Parafenroute". All of it stands above the nota's first line at the text column's
/// left edge ("Aanleiding"). Only read for a document whose side column has labels.
/// </summary>
internal static partial class NotaHeadParser
{
    /// <summary>The subject is set at least this far right of the text column.</summary>
    private const double SubjectIndent = 40;

    /// <summary>The nota's unlabelled head on <paramref name="page"/>; nothing when no addressee line opens it.</summary>
    public static NotaHead Read(PageLines page, BodyStyle style, IReadOnlySet<TextLine> taken, Vocabulary words)
    {
        var column = page.Lines.Where(l => l.Left <= style.Right + 3 && !taken.Contains(l) && l.Baseline > page.Height * 0.4)
            .OrderByDescending(l => l.Baseline).ToList();
        var lines = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        string? addressee = null;
        var head = new List<TextLine>();
        foreach (var line in column)
        {
            if (Instruction().IsMatch(line.Text))
            {
                lines.Add(line);
            }
            else if (addressee is null && head.Count == 0 && Addressee().IsMatch(line.Text) && Alone(line, column))
            {
                addressee = line.Text.Trim();
                lines.Add(line);
            }
            else if (line.Left > style.Left + SubjectIndent)
            {
                head.Add(line);
            }
            else
            {
                // The nota's text begins at the column's left edge.
                break;
            }
        }

        if (addressee is null)
        {
            return new NotaHead(null, null, new HashSet<TextLine>(ReferenceEqualityComparer.Instance));
        }

        // One block of up to three lines at one left edge, nothing beside it: the subject.
        var subject = head.Count is > 0 and <= 3 && head.All(l => Math.Abs(l.Left - head[0].Left) < 3)
            && head.Zip(head.Skip(1)).All(p => p.First.Baseline - p.Second.Baseline <= p.Second.FontSize * 1.7)
            && head.All(l => !page.Lines.Any(o => !ReferenceEquals(o, l) && Math.Abs(o.Baseline - l.Baseline) < 1.5 && o.Right < l.Left))
            ? LineJoiner.Join(head, words).Text.Trim()
            : null;
        if (subject is not null)
        {
            lines.UnionWith(head);
        }

        return new NotaHead(addressee, subject, lines);
    }

    /// <summary>A line with no other text-column line within two lines' height above or below it.</summary>
    private static bool Alone(TextLine line, List<TextLine> column) =>
        !column.Any(o => !ReferenceEquals(o, line) && Math.Abs(o.Baseline - line.Baseline) < line.FontSize * 2 && Math.Abs(o.Baseline - line.Baseline) > 1.5);

    [GeneratedRegex(@"^Aan (?:de|het) (?:[Mm]inister|[Ss]taatssecretaris|[Vv]oorzitter|[Ss]ecretaris-[Gg]eneraal|[Dd]irecteur|[Pp]lv\.)")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"^(?:TER (?:BESLISSING|ONDERTEKENING|INFORMATIE|KENNISNAME|ADVISERING|AKKOORD|BESPREKING)|Parafenroute)$")]
    private static partial Regex Instruction();
}
