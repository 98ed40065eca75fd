using System.Text;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Tests.Fuzz;

/// <summary>One generated input: where it goes below the inbox, its bytes, and the kind of damage done to it.</summary>
internal sealed record FuzzInput(string Name, byte[] Content, string Kind);

/// <summary>
/// Hostile inputs made from the corpus letters, reproducibly from a seed: byte flips, truncations, filter chains
/// (bombs among them), deep and cyclic structures, odd names. Links are made by the test itself.
/// </summary>
internal static class FuzzInputs
{
    private const string Text = "Geachte voorzitter, hierbij ontvangt u de geannoteerde agenda (Kamerstuk 36 045, nr. 1).";

    private static readonly string[] OddNames =
    [
        new string('a', 240),
        new string('文', 80),
        "tab\there",
        "esc\u001b[31mred\u001b[0m",
        "bel\u0007bel",
        "right\u202Eto-left",
        "new\nline",
        "back\\slash",
        "spaces   and trailing ",
        "brief (1) [def] {v2} & co; 'quoted' \"double\"",
        "UPPER.PDF.pdf",
        "a..b",
        "-starts-with-dash",
        "ünïcödé-brïef",
    ];

    public static IReadOnlyList<FuzzInput> Generate(int seed, int count, IReadOnlyList<byte[]> letters)
    {
        var random = new Random(seed);
        var inputs = new List<FuzzInput>(count);
        var kinds = new Func<int, FuzzInput>[]
        {
            i => Flip(i, Pick(letters, random), random),
            i => Truncate(i, Pick(letters, random), random),
            i => Chain(i, random),
            i => Deep(i, random),
            i => Named(i, Pick(letters, random), random),
        };
        for (var i = 0; i < count; i++)
        {
            inputs.Add(i < Fixed.Length ? Fixed[i](i) : kinds[random.Next(kinds.Length)](i));
        }

        return inputs;
    }

    /// <summary>Every deep or bomb shape once, before the random ones.</summary>
    private static readonly Func<int, FuzzInput>[] Fixed =
    [
        i => new($"{i:000}-bomb-flate.pdf", RawPdf.Letter("/Filter [/FlateDecode /FlateDecode]", RawPdf.Zlib(RawPdf.Zlib(new byte[70 << 20]))), "bomb"),
        i => new($"{i:000}-bomb-lzw.pdf", RawPdf.Letter("/Filter /LZWDecode", Encoders.LzwZeros(10)), "bomb"),
        i => new($"{i:000}-bomb-runlength.pdf", RawPdf.Letter("/Filter [/Fl /RL]", RawPdf.Zlib(Encoders.RunLengthZeros(560_000))), "bomb"),
        i => new($"{i:000}-bomb-ascii85.pdf", RawPdf.Letter("/Filter [/A85 /Fl]", Encoders.Ascii85(RawPdf.Zlib(new byte[70 << 20]))), "bomb"),
        i => new($"{i:000}-bomb-ccitt.pdf", RawPdf.Letter("/Filter /CCF /DecodeParms << /K -1 /Columns 60000 /Rows 60000 >>", new byte[64]), "bomb"),
        i => new($"{i:000}-deep-pages-100000.pdf", DeepPages(100_000, cycle: false), "deep"),
        i => new($"{i:000}-deep-pages-300.pdf", DeepPages(300, cycle: false), "deep"),
        i => new($"{i:000}-pages-cycle.pdf", DeepPages(5, cycle: true), "deep"),
        i => new($"{i:000}-deep-arrays.pdf", Nested(100_000, "[", "]"), "deep"),
        i => new($"{i:000}-deep-dictionaries.pdf", Nested(100_000, "<< /A ", " >>"), "deep"),
        i => new($"{i:000}-forms-deep.pdf", Forms(10_000, cycle: false), "deep"),
        i => new($"{i:000}-forms-cycle.pdf", Forms(2, cycle: true), "deep"),
        i => new($"{i:000}-empty.pdf", [], "truncate"),
    ];

    private static byte[] Pick(IReadOnlyList<byte[]> letters, Random random) => letters[random.Next(letters.Count)];

    private static FuzzInput Flip(int i, byte[] letter, Random random)
    {
        var bytes = letter.ToArray();
        var flips = random.Next(1, 33);
        for (var n = 0; n < flips; n++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] = random.Next(3) switch
            {
                0 => (byte)(bytes[at] ^ (1 << random.Next(8))),
                1 => (byte)random.Next(256),
                _ => (byte)"()<>[]/%0123456789 \n"[random.Next(20)],
            };
        }

        return new FuzzInput($"{i:000}-flip-{flips}.pdf", bytes, "flip");
    }

    private static FuzzInput Truncate(int i, byte[] letter, Random random)
    {
        var length = random.Next(3) == 0 ? random.Next(Math.Min(2048, letter.Length)) : random.Next(letter.Length);
        return new FuzzInput($"{i:000}-truncated-{length}.pdf", letter[..length], "truncate");
    }

    /// <summary>A letter whose page content passes through 1–4 random filters; now and then a bomb.</summary>
    private static FuzzInput Chain(int i, Random random)
    {
        var bomb = random.Next(6) == 0;
        var content = bomb ? new byte[random.Next(65, 80) << 20] : RawPdf.Content(Text, random.Next(0, 5000));
        var names = new List<string>();
        var data = content;
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (full, abbreviation, encode) = random.Next(5) switch
            {
                0 => ("FlateDecode", "Fl", (Func<byte[], byte[]>)RawPdf.Zlib),
                1 => ("ASCIIHexDecode", "AHx", RawPdf.Hex),
                2 => ("ASCII85Decode", "A85", Encoders.Ascii85),
                3 => ("LZWDecode", "LZW", Encoders.Lzw),
                _ => ("RunLengthDecode", "RL", Encoders.RunLength),
            };
            if (bomb && names.Count == 0 && full is not "FlateDecode")
            {
                (full, abbreviation, encode) = ("FlateDecode", "Fl", RawPdf.Zlib);
            }

            data = encode(data);
            var name = random.Next(3) switch { 0 => full, 1 => abbreviation, _ => Escaped(full, random) };
            names.Insert(0, "/" + name);
        }

        var key = random.Next(4) == 0 ? "/F" : "/Filter";
        var filter = names.Count == 1 && random.Next(2) == 0 ? $"{key} {names[0]}" : $"{key} [{string.Join(' ', names)}]";
        var padding = random.Next(4) == 0 ? $" /Pad ({new string('x', random.Next(4000, 9000))})" : "";
        return new FuzzInput($"{i:000}-chain{(bomb ? "-bomb" : "")}-{names.Count}.pdf", RawPdf.Letter(filter + padding, data), bomb ? "bomb" : "chain");
    }

    /// <summary>A name with some of its letters written as #xx escapes, which PdfPig undoes.</summary>
    private static string Escaped(string name, Random random) =>
        string.Concat(name.Select(c => random.Next(3) == 0 ? $"#{(int)c:x2}" : c.ToString()));

    private static FuzzInput Deep(int i, Random random) => random.Next(5) switch
    {
        0 => new($"{i:000}-deep-pages.pdf", DeepPages(random.Next(2) == 0 ? random.Next(2, 250) : random.Next(257, 3000), cycle: false), "deep"),
        1 => new($"{i:000}-pages-cycle.pdf", DeepPages(random.Next(2, 2000), cycle: true), "deep"),
        2 => new($"{i:000}-deep-arrays.pdf", Nested(random.Next(2) == 0 ? random.Next(2, 250) : random.Next(257, 50_000), "[", "]"), "deep"),
        3 => new($"{i:000}-forms.pdf", Forms(random.Next(1, 400), cycle: random.Next(2) == 0), "deep"),
        _ => new($"{i:000}-deep-dictionaries.pdf", Nested(random.Next(2, 50_000), "<< /A ", " >>"), "deep"),
    };

    private static FuzzInput Named(int i, byte[] letter, Random random) =>
        new($"{i:000}-{OddNames[random.Next(OddNames.Length)]}.pdf", letter, "name");

    /// <summary>A one-page letter whose page lies <paramref name="depth"/> levels down, or whose tree loops back to its root.</summary>
    private static byte[] DeepPages(int depth, bool cycle)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.Stream("", RawPdf.Content(Text));
        var page = pdf.Reserve();
        var nodes = Enumerable.Range(0, depth).Select(_ => pdf.Reserve()).ToArray();
        for (var n = 0; n < depth; n++)
        {
            var kids = n == depth - 1 ? (cycle ? $"{page} 0 R {nodes[0]} 0 R" : $"{page} 0 R") : $"{nodes[n + 1]} 0 R";
            var parent = n == 0 ? "" : $"/Parent {nodes[n - 1]} 0 R";
            var inherited = n == 0 ? $"/Resources << /Font << /F1 {font} 0 R >> >> /MediaBox [0 0 595 842]" : "";
            pdf.Set(nodes[n], $"<< /Type /Pages /Kids [{kids}] /Count 1 {parent} {inherited} >>");
        }

        pdf.Set(page, $"<< /Type /Page /Parent {nodes[^1]} 0 R /Contents {content} 0 R >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {nodes[0]} 0 R >>");
        return pdf.Build(catalog);
    }

    /// <summary>A letter whose page dictionary carries a value nested <paramref name="depth"/> levels deep.</summary>
    private static byte[] Nested(int depth, string open, string close)
    {
        var deep = new StringBuilder(depth * (open.Length + close.Length)).Insert(0, open, depth);
        for (var n = 0; n < depth; n++)
        {
            deep.Append(close);
        }

        return RawPdf.Letter("", RawPdf.Content(Text), $"/Deep {deep}");
    }

    /// <summary>Page content that draws form 0, which draws form 1, … <paramref name="depth"/> deep; or forms that draw each other in a circle.</summary>
    private static byte[] Forms(int depth, bool cycle)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var forms = Enumerable.Range(0, depth).Select(_ => pdf.Reserve()).ToArray();
        for (var n = 0; n < depth; n++)
        {
            // Each form under a name of its own: PdfPig stops a form that draws itself under the name it was drawn by.
            var nextIndex = n + 1 < depth ? n + 1 : cycle ? 0 : -1;
            var text = Encoding.Latin1.GetString(RawPdf.Content(Text));
            var draw = nextIndex < 0 ? text : $"/Fx{nextIndex} Do {text}";
            var resources = nextIndex < 0 ? $"<< /Font << /F1 {font} 0 R >> >>" : $"<< /Font << /F1 {font} 0 R >> /XObject << /Fx{nextIndex} {forms[nextIndex]} 0 R >> >>";
            var body = Encoding.Latin1.GetBytes(draw);
            pdf.Set(forms[n], $"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {resources} /Length {body.Length} >>\nstream\n{draw}\nendstream");
        }

        var content = pdf.Stream("", "/Fx0 Do"u8.ToArray());
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fx0 {forms[0]} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }
}
