namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>
/// Gives each heading its level in one pass over the document, with a stack of the headings that are open.
/// <list type="number">
/// <item>A rank (see <see cref="HeadingRank.Key"/>) keeps the level it got the first time it appeared, so levels are
/// consistent through the document; level 1 is the first rank used.</item>
/// <item>A rank seen for the first time goes one level below the innermost open heading that can contain it
/// (<see cref="Contains"/>), closing the ones that cannot.</item>
/// <item>The legal divisions the document uses get one level each, in their fixed order (BOEK &gt; DEEL &gt; HOOFDSTUK
/// &gt; TITEL &gt; AFDELING &gt; PARAGRAAF &gt; Artikel), from where the first of them appears: strictly increasing, every
/// Artikel at one level, also in chapters that skip a division.</item>
/// <item>An appendix ("Bijlage I") is level 1 and starts an outline of its own: the ranks below it get their levels afresh.</item>
/// </list>
/// </summary>
internal static class HeadingLevelAssigner
{
    /// <summary>The deepest level given; the JSON schema allows it.</summary>
    public const int MaxLevel = 9;

    /// <summary>One level per heading, in the order given.</summary>
    public static int[] Assign(IReadOnlyList<HeadingRank> headings)
    {
        var ranks = Normalise(headings);
        var legalDivisions = ranks.Where(r => r.IsLegal).Select(r => r.Numbering!.Value.Division).Distinct().Order().ToList();
        var levels = new int[ranks.Count];
        var fixedLevels = new Dictionary<object, int>();
        var open = new List<(HeadingRank Rank, int Level)>();
        for (var i = 0; i < ranks.Count; i++)
        {
            var rank = ranks[i];
            if (rank.IsAppendix)
            {
                fixedLevels.Clear();
                open.Clear();
                open.Add((rank, 1));
                levels[i] = 1;
                continue;
            }

            if (fixedLevels.TryGetValue(rank.Key, out var level))
            {
                while (open.Count > 0 && open[^1].Level >= level)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }
            else
            {
                while (open.Count > 0 && !Contains(open[^1].Rank, rank))
                {
                    open.RemoveAt(open.Count - 1);
                }

                level = Math.Min((open.Count > 0 ? open[^1].Level : 0) + 1, MaxLevel);
                if (rank.IsLegal)
                {
                    // The first legal heading places the whole ladder: its own division may not be the outermost used.
                    foreach (var division in legalDivisions)
                    {
                        fixedLevels[division] = Math.Min(level + legalDivisions.IndexOf(division), MaxLevel);
                    }

                    level = fixedLevels[rank.Key];
                }
                else
                {
                    fixedLevels[rank.Key] = level;
                }
            }

            open.Add((rank, level));
            levels[i] = level;
        }

        return levels;
    }

    /// <summary>
    /// Whether an open heading of rank <paramref name="outer"/> can contain a new heading of rank <paramref name="inner"/>.
    /// Numbering decides where it is unambiguous (an appendix is never contained, legal divisions by their order,
    /// "2.1" inside "2."); otherwise the more prominent typography contains the less prominent; in the same typography
    /// a numbered heading contains an unnumbered one, lettered items ("a.") contain nothing, and two numbering systems
    /// nest in the order the document first uses them ("I." then "1.", or "1." then "I.").
    /// </summary>
    public static bool Contains(HeadingRank outer, HeadingRank inner)
    {
        if (inner.IsAppendix)
        {
            return false;
        }

        if (outer.IsAppendix)
        {
            return true;
        }

        var (o, n) = (outer.Numbering, inner.Numbering);
        if (outer.IsLegal && inner.IsLegal)
        {
            return o!.Value.Division < n!.Value.Division;
        }

        if (o?.Kind == NumberingKind.Arabic && n?.Kind == NumberingKind.Arabic && o.Value.Depth != n.Value.Depth)
        {
            return o.Value.Depth < n.Value.Depth;
        }

        var prominence = outer.Typography.CompareProminence(inner.Typography);
        if (prominence != 0)
        {
            return prominence > 0;
        }

        return (o, n) switch
        {
            (null, null) => false,
            (null, _) => false,
            (_, null) => true,
            ({ Kind: NumberingKind.LowerLetter }, _) => false,
            (_, { Kind: NumberingKind.LowerLetter }) => true,
            _ => o.Value.Kind != n.Value.Kind,
        };
    }

    /// <summary>
    /// Settles what the numbering alone leaves open. "C." after "B." is a letter, "V." after "IV." a roman five: an
    /// ambiguous single letter takes the system of the roman or lettered heading before it (without one, "I." is roman,
    /// the others letters). And a heading that continues a series ("2." after "1.", "c)" after "b)") is of the series'
    /// rank even where its typeface differs, as when a print sets one chapter heading bold among italic ones.
    /// </summary>
    private static List<HeadingRank> Normalise(IReadOnlyList<HeadingRank> headings)
    {
        var resolved = new List<HeadingRank>(headings.Count);
        NumberingKind? previous = null;
        var series = new Dictionary<(NumberingKind, int), (int Value, HeadingTypography Typography)>();
        foreach (var heading in headings)
        {
            var rank = heading;
            if (heading.IsAppendix)
            {
                previous = null;
                series.Clear();
            }
            else if (heading.Numbering is { RomanOrLetter: true } n)
            {
                var kind = previous ?? (n.AmbiguousLetter == 'I' ? NumberingKind.Roman : NumberingKind.UpperLetter);
                var value = kind == NumberingKind.UpperLetter ? NumberingScheme.LetterValue(n.AmbiguousLetter) : n.Value;
                rank = heading with { Numbering = n with { Kind = kind, AmbiguousLetter = '\0', Value = value } };
            }

            if (rank.Numbering is { Kind: not (NumberingKind.Legal or NumberingKind.Appendix) } numbering)
            {
                var key = (numbering.Kind, numbering.Depth);
                if (series.TryGetValue(key, out var last) && numbering.Value == last.Value + 1)
                {
                    rank = rank with { Typography = last.Typography };
                }

                series[key] = (numbering.Value, rank.Typography);
                if (numbering.Kind is NumberingKind.Roman or NumberingKind.UpperLetter)
                {
                    previous = numbering.Kind;
                }
            }

            resolved.Add(rank);
        }

        return resolved;
    }
}
