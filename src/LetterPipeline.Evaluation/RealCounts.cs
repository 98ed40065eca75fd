namespace LetterPipeline.Evaluation;

/// <summary>One real document's counts under score_real.py; a field its gold does not state is null.</summary>
internal sealed record RealCounts : IFigures
{
    /// <summary>An output was there to score (not missing, not an error file).</summary>
    public required bool Converted { get; init; }

    public Tally? Title { get; init; }

    public Tally? Date { get; init; }

    public Tally? Subject { get; init; }

    public Tally? Reference { get; init; }

    public Tally? DossierTitle { get; init; }

    public Tally? DocumentKind { get; init; }

    public HeadingCounts? Headings { get; init; }

    public required int Leaks { get; init; }

    public required FootnoteCounts Footnotes { get; init; }

    public required Tally Links { get; init; }

    public required ReferenceCounts References { get; init; }

    /// <summary>score_real.py's per-document keys, in its order.</summary>
    public IReadOnlyList<Figure> Figures
    {
        get
        {
            var f = new List<Figure> { Figure.Count("docs", 1), Figure.Count("converted", Converted ? 1 : 0) };
            AddTally(f, "title", Title);
            AddTally(f, "date", Date);
            AddTally(f, "lh_subject", Subject);
            AddTally(f, "lh_reference", Reference);
            AddTally(f, "dossierTitle", DossierTitle);
            AddTally(f, "documentKind", DocumentKind);
            if (Headings is { } h)
            {
                f.AddRange([Figure.Count("head_gold", h.Gold), Figure.Count("head_out", h.Out), Figure.Count("head_match", h.Matched), Figure.Count("head_level_ok", h.LevelOk)]);
            }

            f.Add(Figure.Count("leaks", Leaks));
            f.AddRange([Figure.Count("fn_gold", Footnotes.Gold), Figure.Count("fn_out", Footnotes.Out), Figure.Count("fn_exact", Footnotes.Exact)]);
            f.AddRange([Figure.Count("link_gold", Links.Total), Figure.Count("link_ok", Links.Hits)]);
            f.AddRange([Figure.Count("ref_gold", References.Gold), Figure.Count("ref_out", References.Out), Figure.Count("ref_tp", References.Found)]);
            return f;
        }
    }

    private static void AddTally(List<Figure> figures, string field, Tally? tally)
    {
        if (tally is { } t)
        {
            figures.AddRange([Figure.Count(field + "_gold", t.Total), Figure.Count(field + "_ok", t.Hits)]);
        }
    }
}
