namespace LetterPipeline.Evaluation;

/// <summary>Hits out of a total, the two counts behind one figure (exact paragraphs of gold paragraphs, …).</summary>
internal readonly record struct Tally(int Hits, int Total)
{
    public static Tally Of(bool hit) => new(hit ? 1 : 0, 1);
}

/// <summary>Headings in gold and output; gold headings found in the output, and found at their level.</summary>
internal readonly record struct HeadingCounts(int Gold, int Out, int Matched, int LevelOk);

/// <summary>Body words in gold, matched in order, and output words outside the matches (the signature excepted).</summary>
internal readonly record struct WordCounts(int Gold, int Matched, int Extra);

/// <summary>Footnote numbers in gold and output, and gold footnotes whose text the output has under that number.</summary>
internal readonly record struct FootnoteCounts(int Gold, int Out, int Exact);

/// <summary>References in gold and output, and those in both (as multisets of <see cref="ReferenceKey"/>).</summary>
internal readonly record struct ReferenceCounts(int Gold, int Out, int Found);
