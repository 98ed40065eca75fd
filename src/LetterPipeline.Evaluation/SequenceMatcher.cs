namespace LetterPipeline.Evaluation;

/// <summary>A run of equal items: <c>a[A..A+Size] == b[B..B+Size]</c>.</summary>
internal readonly record struct MatchingBlock(int A, int B, int Size);

/// <summary>One edit step of <see cref="SequenceMatcher.GetOpcodes"/>: "replace", "delete", "insert" or "equal".</summary>
internal readonly record struct Opcode(string Tag, int I1, int I2, int J1, int J2);

/// <summary>
/// A line-for-line port of CPython 3.11's <c>difflib.SequenceMatcher(None, a, b, autojunk=False)</c> over strings.
/// Word recall counts the items in its matching blocks, and a different longest-common-subsequence choice gives
/// different figures, so this keeps difflib's exact search: the longest match found first in <c>a</c>, then
/// first in <c>b</c>, and recursion left part before right part. No junk: with autojunk off and no isjunk
/// function difflib's junk and popular sets are empty, so its junk-extension loops never fire.
/// </summary>
internal sealed class SequenceMatcher
{
    private readonly IReadOnlyList<string> a;
    private readonly IReadOnlyList<string> b;

    // b2j: for each item of b, the ascending indices where it occurs.
    private readonly Dictionary<string, List<int>> b2j = new(StringComparer.Ordinal);

    // j2len / newj2len of find_longest_match as two rows stamped with a row id, instead of a dict per row.
    private readonly int[] lengthOld;
    private readonly int[] lengthNew;
    private readonly int[] stampOld;
    private readonly int[] stampNew;

    private int rowId;
    private List<MatchingBlock>? matchingBlocks;

    public SequenceMatcher(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        this.a = a;
        this.b = b;
        for (var j = 0; j < b.Count; j++)
        {
            if (!b2j.TryGetValue(b[j], out var indices))
            {
                b2j[b[j]] = indices = [];
            }

            indices.Add(j);
        }

        lengthOld = new int[b.Count];
        lengthNew = new int[b.Count];
        stampOld = new int[b.Count];
        stampNew = new int[b.Count];
    }

    /// <summary>
    /// The longest block with <c>alo ≤ i</c>, <c>i+k ≤ ahi</c>, <c>blo ≤ j</c>, <c>j+k ≤ bhi</c>; of equally long
    /// ones, the one starting earliest in a, then earliest in b. (alo, blo, 0) when nothing matches.
    /// </summary>
    public MatchingBlock FindLongestMatch(int alo, int ahi, int blo, int bhi)
    {
        var (besti, bestj, bestsize) = (alo, blo, 0);
        var (oldLen, newLen, oldStamp, newStamp) = (lengthOld, lengthNew, stampOld, stampNew);
        // Row ids only grow, so entries of earlier rows and earlier calls never count as the previous row.
        var previousRow = ++rowId;
        for (var i = alo; i < ahi; i++)
        {
            var row = ++rowId;
            if (b2j.TryGetValue(a[i], out var indices))
            {
                foreach (var j in indices)
                {
                    if (j < blo)
                    {
                        continue;
                    }

                    if (j >= bhi)
                    {
                        break;
                    }

                    // j2len.get(j-1, 0) + 1, where j2len holds only the previous row's entries.
                    var k = (j > 0 && oldStamp[j - 1] == previousRow ? oldLen[j - 1] : 0) + 1;
                    newLen[j] = k;
                    newStamp[j] = row;
                    if (k > bestsize)
                    {
                        (besti, bestj, bestsize) = (i - k + 1, j - k + 1, k);
                    }
                }
            }

            // j2len = newj2len: the new row becomes the old one; stale stamps make the rest read as absent.
            (oldLen, newLen) = (newLen, oldLen);
            (oldStamp, newStamp) = (newStamp, oldStamp);
            previousRow = row;
        }

        // difflib then extends the block over adjacent equal non-junk items (only possible when popular items
        // were dropped from b2j) and over junk; with no junk and no popular items both are no-ops, kept for fidelity.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1])
        {
            (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
        }

        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize])
        {
            bestsize++;
        }

        return new MatchingBlock(besti, bestj, bestsize);
    }

    /// <summary>Non-overlapping matching blocks in order, adjacent ones merged, ending with (len a, len b, 0).</summary>
    public IReadOnlyList<MatchingBlock> GetMatchingBlocks()
    {
        if (matchingBlocks is not null)
        {
            return matchingBlocks;
        }

        var (la, lb) = (a.Count, b.Count);
        // A stack, as difflib's queue.pop() takes the last entry.
        var queue = new List<(int Alo, int Ahi, int Blo, int Bhi)> { (0, la, 0, lb) };
        var blocks = new List<MatchingBlock>();
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue[^1];
            queue.RemoveAt(queue.Count - 1);
            var x = FindLongestMatch(alo, ahi, blo, bhi);
            var (i, j, k) = (x.A, x.B, x.Size);
            if (k > 0)
            {
                blocks.Add(x);
                if (alo < i && blo < j)
                {
                    queue.Add((alo, i, blo, j));
                }

                if (i + k < ahi && j + k < bhi)
                {
                    queue.Add((i + k, ahi, j + k, bhi));
                }
            }
        }

        blocks.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B != q.B ? p.B.CompareTo(q.B) : p.Size.CompareTo(q.Size));

        var (i1, j1, k1) = (0, 0, 0);
        var nonAdjacent = new List<MatchingBlock>();
        foreach (var (i2, j2, k2) in blocks)
        {
            if (i1 + k1 == i2 && j1 + k1 == j2)
            {
                k1 += k2;
            }
            else
            {
                if (k1 > 0)
                {
                    nonAdjacent.Add(new MatchingBlock(i1, j1, k1));
                }

                (i1, j1, k1) = (i2, j2, k2);
            }
        }

        if (k1 > 0)
        {
            nonAdjacent.Add(new MatchingBlock(i1, j1, k1));
        }

        nonAdjacent.Add(new MatchingBlock(la, lb, 0));
        matchingBlocks = nonAdjacent;
        return matchingBlocks;
    }

    /// <summary>The edit steps turning a into b.</summary>
    public IReadOnlyList<Opcode> GetOpcodes()
    {
        var (i, j) = (0, 0);
        var answer = new List<Opcode>();
        foreach (var (ai, bj, size) in GetMatchingBlocks())
        {
            var tag = i < ai && j < bj ? "replace" : i < ai ? "delete" : j < bj ? "insert" : "";
            if (tag.Length > 0)
            {
                answer.Add(new Opcode(tag, i, ai, j, bj));
            }

            (i, j) = (ai + size, bj + size);
            if (size > 0)
            {
                answer.Add(new Opcode("equal", ai, i, bj, j));
            }
        }

        return answer;
    }
}
