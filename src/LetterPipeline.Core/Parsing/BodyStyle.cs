using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>The typography of running text: the most used size, the usual line pitch and the text column.</summary>
internal sealed record BodyStyle(double FontSize, double LinePitch, double Left, double Right)
{
    public static BodyStyle Measure(IReadOnlyList<PageLines> pages)
    {
        var lines = pages.SelectMany(p => p.Lines).Where(l => l.Text.Length > 20).ToList();
        if (lines.Count == 0)
        {
            lines = pages.SelectMany(p => p.Lines).ToList();
        }

        if (lines.Count == 0)
        {
            return new BodyStyle(10, 12, 0, 600);
        }

        // Weight by text length so that a page of small footnotes does not outvote the body.
        var size = lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2)
            .OrderByDescending(g => g.Sum(l => l.Text.Length)).First().Key;
        var body = lines.Where(l => Math.Abs(l.FontSize - size) < 0.3 && !l.Bold && !l.Italic).ToList();
        if (body.Count == 0)
        {
            body = lines;
        }

        var left = body.GroupBy(l => Math.Round(l.Left)).OrderByDescending(g => g.Count()).First().Key;
        var rights = body.Select(l => l.Right).Order().ToArray();
        var right = rights[(int)(rights.Length * 0.95)];
        var pitches = new List<double>();
        foreach (var page in pages)
        {
            var pageBody = page.Lines.Where(l => Math.Abs(l.FontSize - size) < 0.3).ToList();
            for (var i = 1; i < pageBody.Count; i++)
            {
                var pitch = pageBody[i - 1].Baseline - pageBody[i].Baseline;
                if (pitch > size * 0.8 && pitch < size * 3)
                {
                    pitches.Add(Math.Round(pitch, 1));
                }
            }
        }

        var linePitch = pitches.Count > 0
            ? pitches.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key
            : size * 1.2;
        return new BodyStyle(size, linePitch, left, right);
    }

    public bool IsSmallerThanBody(TextLine line) => line.FontSize < FontSize * 0.92;

    public bool IsLargerThanBody(TextLine line) => line.FontSize > FontSize * 1.04;
}
