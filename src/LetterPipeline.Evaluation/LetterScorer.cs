using System.Globalization;
using System.Text.RegularExpressions;

namespace LetterPipeline.Evaluation;

/// <summary>
/// Scores one output letter against its gold file: score.py's <c>score_doc</c> and <c>score_partial</c>, ported
/// statement by statement (same counts, same order of keys). Gold and output are JSON values read by <see cref="PyJson"/>.
/// </summary>
internal static partial class LetterScorer
{
    private static readonly Dictionary<string, int> Months = "januari februari maart april mei juni juli augustus september oktober november december"
        .Split(' ').Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i + 1, StringComparer.Ordinal);

    /// <summary>The counts for one document, in score.py's key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> Score(object? gold, object? output)
    {
        if (output is not OrderedDictionary<string, object?>)
        {
            throw new InvalidDataException("AttributeError: the output JSON is not an object");
        }

        return Py.Truthy(Py.Get(gold, "partial")) ? ScorePartial(gold, output) : ScoreFull(gold, output);
    }

    /// <summary>Real documents: the gold has footnotes, markers and references only.</summary>
    private static List<KeyValuePair<string, long>> ScorePartial(object? gold, object output)
    {
        var s = new List<KeyValuePair<string, long>>();
        var op = OutputParagraphs(output);
        var body = string.Join(" \n ", op.Select(p => TextNormaliser.Norm(Py.Get(p, "text", ""))));
        long leaks = Py.Iterate(Py.Get(gold, "furniture", new List<object?>()))
            .Count(f => Py.Truthy(f) && !Py.Equal(f, "Pagina") && body.Contains(TextNormaliser.Norm(f), StringComparison.Ordinal));
        leaks += PageOfPages().Count(body);
        leaks += Py.Iterate(Py.Item(gold, "footnotes")).Count(fn =>
        {
            var text = TextNormaliser.Norm(Py.Item(fn, "text"));
            return Py.Len(text) >= 25 && body.Contains(Py.Take(text, 40), StringComparison.Ordinal);
        });
        s.Add(new("leaks", leaks));

        var gf = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var fn in Py.Iterate(Py.Item(gold, "footnotes")))
        {
            gf[Py.Str(Py.Item(fn, "number"))] = TextNormaliser.Norm(Py.Item(fn, "text"));
        }

        var of = OutputFootnotes(output);
        s.Add(new("fn_gold", gf.Count));
        s.Add(new("fn_out", of.Count));
        s.Add(new("fn_exact", gf.Count(kv => of.TryGetValue(kv.Key, out var t) && t == kv.Value)));

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in op)
        {
            foreach (var n in Py.Iterate(Py.Or(Py.Get(p, "footnotes", new List<object?>()), new List<object?>())))
            {
                owner[MarkerNumber(n)] = TextNormaliser.Norm(Py.Get(p, "text", ""));
            }
        }

        var markers = Py.Get(gold, "markers", new List<object?>());
        s.Add(new("link_gold", Py.Len(markers)));
        s.Add(new("link_ok", Py.Iterate(markers).Count(m =>
        {
            var after = TextNormaliser.Norm(Py.Item(m, "after"));
            return after.Length > 0
                && owner.GetValueOrDefault(Py.Str(Py.Item(m, "number")), "").Contains(after, StringComparison.Ordinal);
        })));

        AddReferenceCounts(s, gold, output);
        return s;
    }

    private static List<KeyValuePair<string, long>> ScoreFull(object? gold, object output)
    {
        var s = new List<KeyValuePair<string, long>>
        {
            new("title_ok", TextNormaliser.Norm(Py.Get(output, "title")) == TextNormaliser.Norm(Py.Item(gold, "title")) ? 1 : 0),
        };

        var gh = Py.Iterate(Py.Item(gold, "sections"))
            .Select(x => (Level: Py.Key(Py.Item(x, "level")), Heading: TextNormaliser.Norm(Py.Item(x, "heading")))).ToList();
        var oh = Py.Iterate(Py.Get(output, "sections", new List<object?>()))
            .Where(x => Py.Truthy(Py.Get(x, "heading")))
            .Select(x => (Level: Py.Key(Py.Get(x, "level")), Heading: TextNormaliser.Norm(Py.Get(x, "heading")))).ToList();
        var otexts = oh.Select(h => h.Heading).ToList();
        s.Add(new("head_gold", gh.Count));
        s.Add(new("head_out", otexts.Count));
        s.Add(new("head_match", gh.Count(h => otexts.Contains(h.Heading))));
        s.Add(new("head_level_ok", gh.Count(oh.Contains)));

        var gp = Py.Iterate(Py.Item(gold, "sections")).SelectMany(sec => Py.Iterate(Py.Item(sec, "paragraphs"))).ToList();
        var op = OutputParagraphs(output);
        var gw = gp.SelectMany(p => TextNormaliser.Words(Py.Item(p, "text"))).ToList();
        var allowed = Py.Iterate(Py.Get(gold, "allowed_extra", new List<object?>()))
            .SelectMany(TextNormaliser.Words).ToHashSet(StringComparer.Ordinal);
        var ow = op.SelectMany(p => TextNormaliser.Words(Py.Get(p, "text", ""))).ToList();
        var sm = new SequenceMatcher(gw, ow);
        long matched = sm.GetMatchingBlocks().Sum(b => (long)b.Size);
        var extra = sm.GetOpcodes()
            .Where(o => o.Tag is "insert" or "replace")
            .SelectMany(o => ow.Skip(o.J1).Take(o.J2 - o.J1));
        s.Add(new("words_gold", gw.Count));
        s.Add(new("words_matched", matched));
        s.Add(new("words_extra", extra.Count(w => !allowed.Contains(w))));

        var otext = op.Select(p => TextNormaliser.Norm(Py.Get(p, "text", ""))).ToHashSet(StringComparer.Ordinal);
        s.Add(new("para_gold", gp.Count));
        s.Add(new("para_exact", gp.Count(p => otext.Contains(TextNormaliser.Norm(Py.Item(p, "text"))))));

        var body = string.Join(" \n ", op.Select(p => TextNormaliser.Norm(Py.Get(p, "text", "")))) + " \n " + string.Join(" ", otexts);
        long leaks = Py.Iterate(Py.Get(gold, "furniture", new List<object?>()))
            .Count(f => Py.Truthy(f) && !Py.Equal(f, "Pagina") && body.Contains(TextNormaliser.Norm(f), StringComparison.Ordinal));
        leaks += PageOfPages().Count(body);
        leaks += Py.Iterate(Py.Item(gold, "footnotes"))
            .Count(fn => body.Contains(Py.Take(TextNormaliser.Norm(Py.Item(fn, "text")), 40), StringComparison.Ordinal));
        s.Add(new("leaks", leaks));

        // Unlike score_partial, the gold numbers are used as they are: a number that is not a string never matches.
        var gf = new Dictionary<PyKey, string>();
        foreach (var fn in Py.Iterate(Py.Item(gold, "footnotes")))
        {
            gf[Py.Key(Py.Item(fn, "number"))] = TextNormaliser.Norm(Py.Item(fn, "text"));
        }

        var of = OutputFootnotes(output);
        s.Add(new("fn_gold", gf.Count));
        s.Add(new("fn_out", of.Count));
        s.Add(new("fn_exact", gf.Count(kv => kv.Key.Kind == 's' && of.TryGetValue(kv.Key.Value, out var t) && t == kv.Value)));

        var gl = Links(gp);
        var ol = Links(op);
        s.Add(new("link_gold", gl.Count));
        s.Add(new("link_ok", gl.Count(kv => ol.TryGetValue(kv.Key, out var w) && w == kv.Value)));

        AddReferenceCounts(s, gold, output);

        var gd = new Dictionary<ReferenceKey, object?>();
        foreach (var r in GoldReferences(gold))
        {
            if (Py.Truthy(DictGet(r, "date")))
            {
                gd[ReferenceKey.Of(r)] = DictGet(r, "date");
            }
        }

        var od = new Dictionary<ReferenceKey, string>();
        foreach (var r in OutputReferences(output))
        {
            od[ReferenceKey.Of(r)] = Py.Take(Py.Str(Py.Or(Py.Get(r, "date", ""), "")), 10);
        }

        s.Add(new("date_gold", gd.Count));
        s.Add(new("date_ok", gd.Count(kv => od.TryGetValue(kv.Key, out var d) && Py.Equal(d, kv.Value))));

        if (Py.Has(gold, "kamerstuk"))
        {
            var k = Py.Item(gold, "kamerstuk");
            var ok = Py.Or(Py.Get(output, "kamerstuk"), new OrderedDictionary<string, object?>());
            var same = Py.Equal(Py.CollapseSpace(Py.Str(Py.Get(ok, "dossier", "")), ""), Py.Item(k, "dossier"))
                && Py.Equal(Py.Str(Py.Get(ok, "number", "")), Py.Item(k, "number"))
                && Py.Equal(Py.Take(Py.Str(Py.Get(ok, "date", "")), 10), Iso(Py.Item(k, "date")));
            s.Add(new("kst_gold", 1));
            s.Add(new("kst_ok", same ? 1 : 0));
        }

        return s;
    }

    /// <summary>ref_gold, ref_out and ref_tp: references compared as multisets of <see cref="ReferenceKey"/>.</summary>
    private static void AddReferenceCounts(List<KeyValuePair<string, long>> s, object? gold, object output)
    {
        var gr = GoldReferences(gold).Select(ReferenceKey.Of).ToList();
        var orr = OutputReferences(output).Select(ReferenceKey.Of).ToList();
        s.Add(new("ref_gold", gr.Count));
        s.Add(new("ref_out", orr.Count));
        s.Add(new("ref_tp", gr.Distinct().Sum(k => (long)Math.Min(gr.Count(x => x == k), orr.Count(x => x == k)))));
    }

    private static IEnumerable<object?> GoldReferences(object? gold) =>
        Py.Iterate(Py.Item(gold, "footnotes")).SelectMany(fn => Py.Iterate(Py.Item(fn, "references")));

    private static IEnumerable<object?> OutputReferences(object output) =>
        Py.Iterate(Py.Get(output, "footnotes", new List<object?>()))
            .SelectMany(fn => Py.Iterate(Py.Or(Py.Get(fn, "references", new List<object?>()), new List<object?>())));

    private static List<object?> OutputParagraphs(object output) =>
        Py.Iterate(Py.Get(output, "sections", new List<object?>()))
            .SelectMany(sec => Py.Iterate(Py.Or(Py.Get(sec, "paragraphs", new List<object?>()), new List<object?>())))
            .ToList();

    private static Dictionary<string, string> OutputFootnotes(object output)
    {
        var of = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fn in Py.Iterate(Py.Get(output, "footnotes", new List<object?>())))
        {
            of[Py.Str(Py.Get(fn, "number"))] = TextNormaliser.Norm(Py.Get(fn, "text", ""));
        }

        return of;
    }

    /// <summary>Marker links: footnote number → the first six words of the paragraph that cites it (the last one wins).</summary>
    private static Dictionary<string, string> Links(IEnumerable<object?> paragraphs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            foreach (var n in Py.Iterate(Py.Or(Py.Get(p, "footnotes", new List<object?>()), new List<object?>())))
            {
                result[MarkerNumber(n)] = string.Join(" ", TextNormaliser.Words(Py.Get(p, "text", "")).Take(6));
            }
        }

        return result;
    }

    // A paragraph's footnote entry is a number or an object with one.
    private static string MarkerNumber(object? n) =>
        Py.Str(n is OrderedDictionary<string, object?> ? Py.Get(n, "number") : n);

    // r.get("date"): a method of dicts only.
    private static object? DictGet(object? d, string key) =>
        d is OrderedDictionary<string, object?> ? Py.Get(d, key) : throw new InvalidDataException("AttributeError: reference has no get()");

    /// <summary>score.py's <c>iso</c>: "18 november 2022" → "2022-11-18"; other text is cut to 10 code points.</summary>
    private static string? Iso(object? d)
    {
        if (!Py.Truthy(d))
        {
            return null;
        }

        var m = DayMonthYear().Match(d as string ?? throw new InvalidDataException("TypeError: expected string in iso()"));
        if (m.Success && Months.TryGetValue(m.Groups[2].Value, out var month))
        {
            var day = m.Groups[1].Value.Aggregate(0, (acc, c) => (acc * 10) + (int)char.GetNumericValue(c));
            return string.Create(CultureInfo.InvariantCulture, $"{m.Groups[3].Value}-{month:00}-{day:00}");
        }

        return Py.Take(Py.Str(d), 10);
    }

    // .NET's \d, like Python's, is any Unicode decimal digit.
    [GeneratedRegex(@"Pagina \d+ van \d+")]
    private static partial Regex PageOfPages();

    [GeneratedRegex(@"^(\d{1,2}) (\w+) (\d{4})")]
    private static partial Regex DayMonthYear();
}
