namespace LetterPipeline.Tracking;

/// <summary>A stored letter as the grouping sees it: its key, its own publication id (or Kamerstuk id) and its body.</summary>
internal sealed record GroupingMember(string Sha256, string? PublicationId, BodySignature? Body);

/// <summary>
/// Which stored letters are versions of one letter: the minister's letter, its Kamerstuk print, an annex copy in
/// another typesetting. Two letters are versions of one when they carry the same publication id (a Kamerstuk print
/// and a letter whose footer names that Kamerstuk), or when their bodies' estimated Jaccard similarity is at least
/// <see cref="BodySignature.SameLetter"/>. Two different publication ids are two documents, however alike their text
/// (a motion and its amended version): such letters never share a group, not even through a third letter.
/// </summary>
internal static class LetterGrouping
{
    /// <summary>The group of each member: the smallest SHA-256 of its group, so the answer does not depend on the order letters arrived in.</summary>
    public static IReadOnlyDictionary<string, string> Group(IReadOnlyList<GroupingMember> members)
    {
        var parent = members.ToDictionary(m => m.Sha256, m => m.Sha256, StringComparer.Ordinal);
        var ids = members.ToDictionary(m => m.Sha256, m => m.PublicationId is null ? new HashSet<string>() : [m.PublicationId], StringComparer.Ordinal);
        string Root(string sha) => parent[sha] == sha ? sha : parent[sha] = Root(parent[sha]);

        // Strongest evidence first, so a conflict of ids is settled in favour of the closest versions.
        var pairs = new List<(double Score, string A, string B)>();
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                if (Score(members[i], members[j]) is { } score)
                {
                    pairs.Add((score, members[i].Sha256, members[j].Sha256));
                }
            }
        }

        foreach (var (_, a, b) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal))
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra == rb || ids[ra].Union(ids[rb]).Count() > 1)
            {
                continue;
            }

            var (keep, join) = string.CompareOrdinal(ra, rb) < 0 ? (ra, rb) : (rb, ra);
            parent[join] = keep;
            ids[keep].UnionWith(ids[join]);
        }

        return members.ToDictionary(m => m.Sha256, m => Root(m.Sha256), StringComparer.Ordinal);
    }

    /// <summary>How sure it is that two letters are versions of one (2 for one publication id), or null when they are not.</summary>
    internal static double? Score(GroupingMember a, GroupingMember b)
    {
        if (a.PublicationId is not null && b.PublicationId is not null)
        {
            return a.PublicationId == b.PublicationId ? 2 : null;
        }

        return a.Body is not null && b.Body is not null && a.Body.Similarity(b.Body) is var similarity && similarity >= BodySignature.SameLetter
            ? similarity
            : null;
    }
}
