namespace LetterPipeline.Evaluation;

/// <summary>
/// One document's counts under score.py. The counts only full gold can give (title, headings, words, paragraphs,
/// reference dates) are null for partial gold, and <see cref="Kamerstuk"/> is null when the gold states no Kamerstuk.
/// </summary>
internal sealed record LetterCounts : IFigures
{
    /// <summary>The output is missing or unreadable (it was scored as an empty letter).</summary>
    public required bool Missing { get; init; }

    public int? TitleOk { get; init; }

    public HeadingCounts? Headings { get; init; }

    public WordCounts? Words { get; init; }

    public Tally? Paragraphs { get; init; }

    public required int Leaks { get; init; }

    public required FootnoteCounts Footnotes { get; init; }

    public required Tally Links { get; init; }

    public required ReferenceCounts References { get; init; }

    public Tally? ReferenceDates { get; init; }

    public Tally? Kamerstuk { get; init; }

    /// <summary>score.py's per-document keys, in its order.</summary>
    public IReadOnlyList<Figure> Figures
    {
        get
        {
            var f = new List<Figure>();
            if (TitleOk is { } title)
            {
                f.Add(Figure.Count("title_ok", title));
            }

            if (Headings is { } h)
            {
                f.AddRange([Figure.Count("head_gold", h.Gold), Figure.Count("head_out", h.Out), Figure.Count("head_match", h.Matched), Figure.Count("head_level_ok", h.LevelOk)]);
            }

            if (Words is { } w)
            {
                f.AddRange([Figure.Count("words_gold", w.Gold), Figure.Count("words_matched", w.Matched), Figure.Count("words_extra", w.Extra)]);
            }

            AddTally(f, "para_gold", "para_exact", Paragraphs);
            f.Add(Figure.Count("leaks", Leaks));
            f.AddRange([Figure.Count("fn_gold", Footnotes.Gold), Figure.Count("fn_out", Footnotes.Out), Figure.Count("fn_exact", Footnotes.Exact)]);
            AddTally(f, "link_gold", "link_ok", Links);
            f.AddRange([Figure.Count("ref_gold", References.Gold), Figure.Count("ref_out", References.Out), Figure.Count("ref_tp", References.Found)]);
            AddTally(f, "date_gold", "date_ok", ReferenceDates);
            AddTally(f, "kst_gold", "kst_ok", Kamerstuk);
            f.AddRange([Figure.Count("docs", 1), Figure.Count("missing", Missing ? 1 : 0)]);
            return f;
        }
    }

    private static void AddTally(List<Figure> figures, string total, string hits, Tally? tally)
    {
        if (tally is { } t)
        {
            figures.AddRange([Figure.Count(total, t.Total), Figure.Count(hits, t.Hits)]);
        }
    }
}
