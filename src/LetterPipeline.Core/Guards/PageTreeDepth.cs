namespace LetterPipeline.Core.Guards;

/// <summary>
/// Refuses a page tree deeper than PdfPig can walk. PdfPig 0.1.16 builds the tree without recursion but numbers its
/// pages recursively (<c>PagesFactory.PopulatePageByNumberDictionary</c>): 100,000 levels overflow the stack, which
/// no catch can stop. Every /Kids edge of every definition counts, so the depth is that of the deepest chain any
/// reading of the file could build; a cycle counts once around (PdfPig breaks short cycles itself).
/// </summary>
internal static class PageTreeDepth
{
    /// <summary>Real page trees are a few levels deep (a balanced tree of a million pages needs about 20).</summary>
    public const int MaxDepth = 256;

    public static void Check(RawObjectIndex index)
    {
        var kids = Kids(index);
        var depth = new Dictionary<int, int>();
        var onPath = new HashSet<int>();
        foreach (var root in kids.Keys)
        {
            if (depth.ContainsKey(root))
            {
                continue;
            }

            // Depth-first without recursion: the deepest chain below each node, each node worked out once.
            var stack = new Stack<(int Node, int NextKid)>();
            stack.Push((root, 0));
            onPath.Add(root);
            while (stack.Count > 0)
            {
                var (node, nextKid) = stack.Pop();
                var children = kids.GetValueOrDefault(node);
                if (children is not null && nextKid < children.Count)
                {
                    stack.Push((node, nextKid + 1));
                    var child = children[nextKid];
                    if (!depth.ContainsKey(child) && onPath.Add(child))
                    {
                        stack.Push((child, 0));
                        if (stack.Count > MaxDepth)
                        {
                            throw TooDeep();
                        }
                    }

                    continue;
                }

                var below = children?.Select(c => depth.GetValueOrDefault(c)).DefaultIfEmpty(0).Max() ?? 0;
                depth[node] = below + 1;
                onPath.Remove(node);
                if (depth[node] > MaxDepth)
                {
                    throw TooDeep();
                }
            }
        }
    }

    private static LetterFormatException TooDeep() =>
        new(FailureCode.Corrupt, $"The page tree is more than {MaxDepth} levels deep.", "guard");

    /// <summary>The references in each object's /Kids (an array, or a reference to one), over all its definitions.</summary>
    private static Dictionary<int, List<int>> Kids(RawObjectIndex index)
    {
        var kids = new Dictionary<int, List<int>>();
        foreach (var o in index.Objects)
        {
            if (o.Value is RawDictionary dictionary && index.Resolve(dictionary["Kids"]) is RawArray array)
            {
                var list = kids.TryGetValue(o.Number, out var known) ? known : kids[o.Number] = [];
                list.AddRange(array.Items.OfType<RawReference>().Select(r => r.Number));
            }
        }

        return kids;
    }
}
