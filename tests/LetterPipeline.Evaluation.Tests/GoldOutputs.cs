using System.Globalization;
using System.Text.Json;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>
/// Gold files turned into the output shape of <c>convert</c> (the <see cref="Letter"/> model written by
/// <see cref="JsonLetterWriter"/>), and deliberately damaged copies of them, to exercise every metric.
/// </summary>
internal static class GoldOutputs
{
    /// <summary>A damage applied to one letter; <c>furniture</c> is the gold's running text.</summary>
    public delegate Letter Damage(Letter letter, IReadOnlyList<string> furniture);

    public static IReadOnlyDictionary<string, Damage> Damages { get; } = new Dictionary<string, Damage>
    {
        ["drop-paragraph"] = (l, _) => MapSections(l, (s, i) => i == 0 && s.Paragraphs.Count > 1 ? s with { Paragraphs = [.. s.Paragraphs.Skip(1)] } : s),
        ["merge-paragraphs"] = (l, _) => MapSections(l, (s, _) => s.Paragraphs.Count > 1
            ? s with { Paragraphs = [Merge(s.Paragraphs[0], s.Paragraphs[1]), .. s.Paragraphs.Skip(2)] }
            : s),
        ["missing-heading"] = (l, _) => l with { Sections = DropSecondHeading(l.Sections) },
        ["wrong-levels"] = (l, _) => MapSections(l, (s, i) => s.Heading is not null && i % 2 == 1 ? s with { Level = s.Level + 1 } : s),
        ["leaked-footer"] = (l, furniture) => MapSections(l, (s, i) => i == 1 && s.Paragraphs.Count > 0
            ? s with { Paragraphs = [s.Paragraphs[0] with { Text = s.Paragraphs[0].Text + " " + string.Join(" ", furniture) + " Pagina 2 van 3" }, .. s.Paragraphs.Skip(1)] }
            : s),
        ["wrong-footnotes"] = (l, _) => l with
        {
            Footnotes = [.. l.Footnotes.Select((f, i) => i % 2 == 0 ? f with { Text = string.Join(' ', f.Text.Split(' ').SkipLast(1)) } : f)],
        },
        ["missing-references"] = (l, _) => l with
        {
            Footnotes = [.. l.Footnotes.Select((f, i) => i % 3 == 0 ? f with { References = [] } : f with { References = [.. f.References.Select(r => r with { Date = null })] })],
        },
        ["moved-markers"] = (l, _) => MapSections(l, (s, _) => s with
        {
            Paragraphs = [.. s.Paragraphs.Select((p, i) => i % 2 == 0 ? p with { Markers = [] } : p with { Markers = [.. p.Markers, new FootnoteMarker("99", 0)] })],
        }),
        ["reordered-words"] = (l, _) => MapSections(l, (s, _) => s with
        {
            Paragraphs = [.. s.Paragraphs.Select(p => p with { Text = string.Join(' ', RotateHalf(p.Text.Split(' '))) })],
        }),
        ["footnote-in-body"] = (l, _) => l with
        {
            Sections = [.. l.Sections, new Section(1, "Voetnoten", [.. l.Footnotes.Select(f => new Paragraph(f.Number + " " + f.Text, [], false))])],
            Footnotes = [],
        },
        ["no-identity"] = (l, _) => l with { Kamerstuk = null, Title = l.Title?.ToUpperInvariant() + " (concept)" },
    };

    /// <summary>
    /// Many small random edits, to stress difflib's block matching: words dropped, repeated, swapped and
    /// borrowed from elsewhere in the letter; paragraphs split; heading levels and footnote numbers shuffled.
    /// </summary>
    public static Damage RandomEdits(int seed) => (letter, furniture) =>
    {
        var random = new Random(seed);
        var vocabulary = letter.Sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Text.Split(' ')).Concat(furniture).ToArray();
        string Edit(string text)
        {
            var words = text.Split(' ').ToList();
            for (var n = random.Next(4); n > 0 && words.Count > 1; n--)
            {
                var i = random.Next(words.Count);
                switch (random.Next(4))
                {
                    case 0: words.RemoveAt(i); break;
                    case 1: words.Insert(i, words[i]); break;
                    case 2: (words[i], words[^1]) = (words[^1], words[i]); break;
                    default: words.Insert(i, vocabulary[random.Next(vocabulary.Length)]); break;
                }
            }

            return string.Join(' ', words);
        }

        IEnumerable<Paragraph> Split(Paragraph p)
        {
            var words = p.Text.Split(' ');
            if (words.Length < 6 || random.Next(4) > 0)
            {
                return [p with { Text = Edit(p.Text) }];
            }

            var at = random.Next(1, words.Length - 1);
            return [p with { Text = string.Join(' ', words[..at]) }, new Paragraph(Edit(string.Join(' ', words[at..])), [], false)];
        }

        return letter with
        {
            Sections = [.. letter.Sections.Select(s => s with
            {
                Level = s.Heading is not null && random.Next(5) == 0 ? s.Level + 1 : s.Level,
                Paragraphs = [.. s.Paragraphs.SelectMany(Split)],
            })],
            Footnotes = [.. letter.Footnotes.Select(f => random.Next(5) == 0 ? f with { Number = f.Number + "0", Text = Edit(f.Text) } : f)],
        };
    };

    /// <summary>Writes <c>dir/NAME.json</c> for every <c>NAME.gold.json</c> in <paramref name="goldDir"/>, through <paramref name="damage"/>.</summary>
    public static void WriteAll(string goldDir, string outDir, Func<string, Damage?> damageFor)
    {
        Directory.CreateDirectory(outDir);
        foreach (var goldPath in Directory.GetFiles(goldDir, "*.gold.json"))
        {
            var name = Path.GetFileName(goldPath)[..^".gold.json".Length];
            using var gold = JsonDocument.Parse(File.ReadAllBytes(goldPath));
            var letter = ToLetter(gold.RootElement, name);
            var furniture = gold.RootElement.TryGetProperty("furniture", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            if (damageFor(name) is { } damage)
            {
                letter = damage(letter, furniture);
            }

            using var stream = File.Create(Path.Combine(outDir, name + ".json"));
            new JsonLetterWriter().Write(letter, stream);
        }
    }

    public static Letter ToLetter(JsonElement gold, string name)
    {
        var sections = gold.GetProperty("sections").EnumerateArray().Select(s => new Section(
            s.GetProperty("level").GetInt32(),
            s.GetProperty("heading").GetString(),
            [.. s.GetProperty("paragraphs").EnumerateArray().Select(p =>
            {
                var text = p.GetProperty("text").GetString()!;
                var markers = p.GetProperty("footnotes").EnumerateArray().Select(n => new FootnoteMarker(n.GetString()!, text.Length));
                return new Paragraph(text, [.. markers], p.TryGetProperty("list_item", out var li) && li.GetBoolean());
            })])).ToList();
        var footnotes = gold.GetProperty("footnotes").EnumerateArray().Select(f => new Footnote(
            f.GetProperty("number").GetString()!,
            f.GetProperty("text").GetString()!,
            f.TryGetProperty("page", out var page) ? page.GetInt32() : 1,
            [.. f.GetProperty("references").EnumerateArray().Select(ToReference)])).ToList();
        return new Letter(new SourceInfo(name + ".pdf", new string('0', 64), 1), gold.GetProperty("title").GetString(), Identity(gold), null,
            sections, footnotes, []);
    }

    private static LetterIdentity? Identity(JsonElement gold)
    {
        if (!gold.TryGetProperty("kamerstuk", out var k) || k.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new LetterIdentity(k.GetProperty("dossier").GetString()!, k.GetProperty("number").GetString()!,
            k.GetProperty("vergaderjaar").GetString(), GoldDateText(k.GetProperty("date").GetString()!));
    }

    // "18 november 2022", read here rather than by the scorer's own date reader, so a bug there cannot make both agree.
    private static DateOnly GoldDateText(string text) => DateOnly.ParseExact(text, "d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    private static Reference ToReference(JsonElement r)
    {
        string? Str(string key) => r.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var kind = Enum.Parse<ReferenceKind>(Str("kind") ?? "kamerstuk", ignoreCase: true);
        var date = Str("date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        return new Reference(kind, Str("dossier"), Str("number")!, Str("vergaderjaar"), Str("item"), date,
            $"{kind}-{Str("dossier")}-{Str("number")}".ToLowerInvariant(), "");
    }

    private static Letter MapSections(Letter letter, Func<Section, int, Section> map) =>
        letter with { Sections = [.. letter.Sections.Select(map)] };

    private static Paragraph Merge(Paragraph first, Paragraph second) =>
        new(first.Text + " " + second.Text, [.. first.Markers, .. second.Markers], first.ListItem);

    // The heading of the second headed section disappears; its paragraphs join the section before.
    private static List<Section> DropSecondHeading(IReadOnlyList<Section> sections)
    {
        var headed = sections.Select((s, i) => (s, i)).Where(x => x.s.Heading is not null).Select(x => x.i).Skip(1).FirstOrDefault(-1);
        if (headed <= 0)
        {
            return [.. sections];
        }

        var result = sections.ToList();
        result[headed - 1] = result[headed - 1] with { Paragraphs = [.. result[headed - 1].Paragraphs, .. result[headed].Paragraphs] };
        result.RemoveAt(headed);
        return result;
    }

    // Moves the first half of the words to the end: long runs still match, the order does not.
    private static IEnumerable<string> RotateHalf(string[] words) => words.Skip(words.Length / 2).Concat(words.Take(words.Length / 2));
}
