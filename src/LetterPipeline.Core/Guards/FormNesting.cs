namespace LetterPipeline.Core.Guards;

/// <summary>
/// Refuses form XObjects that draw each other in a circle, or nest deeper than PdfPig can follow. PdfPig 0.1.16 draws
/// a form by recursing into its content (<c>BaseStreamProcessor.ProcessFormXObject</c>) and stops only a form that
/// draws itself under the very name it was drawn by: forms A → B → A, or 10,000 forms each drawing the next,
/// overflow the stack. A form's edges are the names its content draws (<c>/Name Do</c>, found while the guard
/// decodes it), looked up in its own /XObject resources, else (PdfPig looks further down its stack of resources)
/// under that name in any /XObject dictionary of the file.
/// </summary>
internal sealed class FormNesting
{
    /// <summary>Real documents nest forms a few levels deep.</summary>
    public const int MaxDepth = 100;

    private readonly Dictionary<int, DoOperators> drawn = [];

    public static bool IsForm(RawStream stream) => stream.Dictionary.NameOf("Subtype") == "Form";

    /// <summary>The scanner for the decoded content of <paramref name="form"/>.</summary>
    public DoOperators Observe(RawStream form) =>
        drawn.TryGetValue(form.Number, out var known) ? known : drawn[form.Number] = new DoOperators();

    public void Check(RawObjectIndex index)
    {
        if (drawn.Count == 0)
        {
            return;
        }

        var forms = index.Streams.Where(IsForm).ToList();
        var formNumbers = forms.Select(f => f.Number).ToHashSet();
        var anywhere = XObjectsByName(index);
        var edges = new Dictionary<int, List<int>>();
        foreach (var form in forms)
        {
            var own = XObjects(index, index.Resolve(form.Dictionary["Resources"]) as RawDictionary);
            var targets = edges.TryGetValue(form.Number, out var list) ? list : edges[form.Number] = [];
            foreach (var name in drawn.GetValueOrDefault(form.Number)?.Names ?? [])
            {
                var named = own.TryGetValue(name, out var target) ? [target] : anywhere.GetValueOrDefault(name) ?? [];
                targets.AddRange(named.Where(formNumbers.Contains));
            }
        }

        Walk(edges);
    }

    /// <summary>Depth-first over the drawing edges, without recursion: a form met again on its own path is a circle.</summary>
    private static void Walk(Dictionary<int, List<int>> edges)
    {
        var depth = new Dictionary<int, int>();
        var onPath = new HashSet<int>();
        foreach (var root in edges.Keys)
        {
            if (depth.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root, 0));
            onPath.Add(root);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var children = edges.GetValueOrDefault(node) ?? [];
                if (next < children.Count)
                {
                    stack.Push((node, next + 1));
                    var child = children[next];
                    if (onPath.Contains(child))
                    {
                        throw new LetterFormatException(FailureCode.Corrupt,
                            $"Form XObjects draw each other in a circle (object {child}); PdfPig would recurse until its stack overflows.", "guard");
                    }

                    if (!depth.ContainsKey(child))
                    {
                        onPath.Add(child);
                        stack.Push((child, 0));
                    }

                    continue;
                }

                depth[node] = 1 + children.Select(c => depth.GetValueOrDefault(c)).DefaultIfEmpty(0).Max();
                onPath.Remove(node);
                if (depth[node] > MaxDepth)
                {
                    throw new LetterFormatException(FailureCode.Corrupt, $"Form XObjects are nested more than {MaxDepth} levels deep.", "guard");
                }
            }
        }
    }

    /// <summary>The entries of an /XObject resource dictionary (given or referenced) of <paramref name="resources"/>.</summary>
    private static Dictionary<string, int> XObjects(RawObjectIndex index, RawDictionary? resources) =>
        index.Resolve(resources?["XObject"]) is RawDictionary xObjects
            ? xObjects.Entries.Where(e => e.Value is RawReference).ToDictionary(e => e.Key, e => ((RawReference)e.Value).Number, StringComparer.Ordinal)
            : [];

    /// <summary>Every name under which some /XObject dictionary of the file lists a stream, with all the streams listed under it.</summary>
    private static Dictionary<string, List<int>> XObjectsByName(RawObjectIndex index)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pending = new Stack<RawValue>();
        foreach (var o in index.Objects)
        {
            pending.Push(o.Value);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case RawDictionary dictionary:
                        foreach (var (key, value) in dictionary.Entries)
                        {
                            if (key == "XObject" && index.Resolve(value) is RawDictionary xObjects)
                            {
                                foreach (var (name, target) in xObjects.Entries)
                                {
                                    if (target is RawReference reference)
                                    {
                                        (byName.TryGetValue(name, out var list) ? list : byName[name] = []).Add(reference.Number);
                                    }
                                }
                            }

                            pending.Push(value);
                        }

                        break;
                    case RawArray array:
                        array.Items.ForEach(pending.Push);
                        break;
                    default:
                        break;
                }
            }
        }

        return byName;
    }
}

/// <summary>
/// The names a content stream draws with the Do operator ("/Fm0 Do"), found in its decoded bytes chunk by chunk;
/// strings and comments are stepped over. A "Do" inside inline image data may add a name: only ever one too many.
/// </summary>
internal sealed class DoOperators
{
    private const int MaxName = 127;

    private readonly System.Text.StringBuilder name = new();
    private State state;
    private int stringDepth;
    private bool escaped;

    private enum State
    {
        Idle,
        Name,
        AfterName,
        D,
        Do,
        String,
        Comment,
        Other,
    }

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            Step(b);
        }
    }

    /// <summary>The end of the content ends a "Do" too.</summary>
    public void End() => Step((byte)' ');

    private void Step(byte b)
    {
        switch (state)
        {
            case State.String:
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                }
                else if (b == '(')
                {
                    stringDepth++;
                }
                else if (b == ')' && --stringDepth == 0)
                {
                    state = State.Idle;
                }

                return;
            case State.Comment:
                state = b is (byte)'\r' or (byte)'\n' ? State.Idle : State.Comment;
                return;
            case State.Name when !PdfTokenizer.IsWhiteSpace(b) && !PdfTokenizer.IsDelimiter(b):
                if (name.Length < MaxName)
                {
                    name.Append((char)b);
                }

                return;
            case State.Name:
                state = State.AfterName;
                break;
            case State.D:
                state = b == 'o' ? State.Do : State.Idle;
                if (state == State.Do)
                {
                    return;
                }

                break;
            case State.Do:
                if (PdfTokenizer.IsWhiteSpace(b) || PdfTokenizer.IsDelimiter(b))
                {
                    Names.Add(name.ToString());
                }

                state = PdfTokenizer.IsWhiteSpace(b) || PdfTokenizer.IsDelimiter(b) ? State.Idle : State.Other;
                break;
            case State.Other when !PdfTokenizer.IsWhiteSpace(b) && !PdfTokenizer.IsDelimiter(b):
                return;
            default:
                break;
        }

        // Idle, AfterName, or the first byte after a token ended: what starts here?
        if (state == State.AfterName && PdfTokenizer.IsWhiteSpace(b))
        {
            return;
        }

        if (state == State.AfterName && b == 'D')
        {
            state = State.D;
            return;
        }

        state = b switch
        {
            (byte)'/' => State.Name,
            (byte)'(' => State.String,
            (byte)'%' => State.Comment,
            _ when PdfTokenizer.IsWhiteSpace(b) || PdfTokenizer.IsDelimiter(b) => State.Idle,
            _ => State.Other,
        };
        if (state == State.Name)
        {
            name.Clear();
        }
        else if (state == State.String)
        {
            stringDepth = 1;
        }
    }
}
