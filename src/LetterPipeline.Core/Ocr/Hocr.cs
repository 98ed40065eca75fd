using System.Globalization;
using System.Text;
using System.Xml;

namespace LetterPipeline.Core.Ocr;

/// <summary>A rectangle in image pixels, origin top-left.</summary>
internal readonly record struct PixelBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;
}

/// <summary>One recognised character and its box.</summary>
internal sealed record OcrChar(string Text, PixelBox Box);

/// <summary>One recognised word: its text, box, confidence (0–100) and characters.</summary>
internal sealed record OcrWord(string Text, PixelBox Box, double Confidence, IReadOnlyList<OcrChar> Chars);

/// <summary>One text line as Tesseract found it, with its baseline: y = Bottom + Offset + Slope · (x − Left).</summary>
internal sealed record OcrLine(PixelBox Box, double Slope, double Offset, IReadOnlyList<OcrWord> Words)
{
    public double BaselineAt(double x) => Box.Bottom + Offset + (Slope * (x - Box.Left));
}

/// <summary>
/// Reads Tesseract's hOCR output (with <c>hocr_char_boxes</c>): lines with their baselines, words, characters.
/// hOCR rather than TSV: only hOCR carries each line's baseline and each character's box, which the marker and
/// type-size measurements need.
/// </summary>
internal static class Hocr
{
    private static readonly string[] LineClasses = ["ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"];

    /// <exception cref="InvalidDataException">The output is not well-formed hOCR.</exception>
    public static IReadOnlyList<OcrLine> Read(string hocr)
    {
        var lines = new List<OcrLine>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(hocr), settings);
            LineBuilder? line = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var kind = reader.GetAttribute("class");
                var title = reader.GetAttribute("title") ?? "";
                if (kind is not null && LineClasses.Contains(kind))
                {
                    Flush(lines, line);
                    line = new LineBuilder(title);
                }
                else if (kind == "ocrx_word" && line is not null && !reader.IsEmptyElement)
                {
                    var word = new WordBuilder(title);
                    ReadWord(reader.ReadSubtree(), word);
                    if (word.Build() is { } built)
                    {
                        line.Words.Add(built);
                    }
                }
            }

            Flush(lines, line);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"Tesseract's hOCR output cannot be read: {ex.Message}", ex);
        }

        return lines;
    }

    /// <summary>A word's characters (ocrx_cinfo) or, without them, its text.</summary>
    private static void ReadWord(XmlReader subtree, WordBuilder word)
    {
        using (subtree)
        {
            subtree.Read();
            subtree.Read();
            while (!subtree.EOF)
            {
                if (subtree.NodeType == XmlNodeType.Element && subtree.GetAttribute("class") == "ocrx_cinfo")
                {
                    var box = Box(subtree.GetAttribute("title") ?? "", "x_bboxes");
                    var text = subtree.ReadElementContentAsString(); // moves past the element
                    if (box is { } b && text.Length > 0)
                    {
                        word.Chars.Add(new OcrChar(text, b));
                    }

                    continue;
                }

                if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace)
                {
                    word.Text.Append(subtree.Value);
                }

                subtree.Read();
            }
        }
    }

    private static void Flush(List<OcrLine> lines, LineBuilder? line)
    {
        if (line is { Words.Count: > 0 })
        {
            lines.Add(new OcrLine(line.Box, line.Slope, line.Offset, line.Words));
        }
    }

    /// <summary>The four numbers after <paramref name="property"/> in an hOCR title ("bbox 10 20 30 40; x_wconf 96").</summary>
    private static PixelBox? Box(string title, string property)
    {
        var numbers = Numbers(title, property);
        return numbers.Length >= 4 ? new PixelBox((int)numbers[0], (int)numbers[1], (int)numbers[2], (int)numbers[3]) : null;
    }

    private static double[] Numbers(string title, string property)
    {
        foreach (var part in title.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith(property + " ", StringComparison.Ordinal))
            {
                return part[(property.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(n => double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            }
        }

        return [];
    }

    private sealed class LineBuilder(string title)
    {
        public PixelBox Box { get; } = Box(title, "bbox") ?? default;

        public double Slope { get; } = Numbers(title, "baseline") is [var slope, _] ? slope : 0;

        public double Offset { get; } = Numbers(title, "baseline") is [_, var offset] ? offset : 0;

        public List<OcrWord> Words { get; } = [];
    }

    private sealed class WordBuilder(string title)
    {
        private readonly PixelBox? box = Box(title, "bbox");
        private readonly double confidence = Numbers(title, "x_wconf") is [var c] ? c : 0;

        public StringBuilder Text { get; } = new();

        public List<OcrChar> Chars { get; } = [];

        public OcrWord? Build()
        {
            if (box is not { } b)
            {
                return null;
            }

            var text = Chars.Count > 0 ? string.Concat(Chars.Select(c => c.Text)) : Text.ToString().Trim();
            return text.Trim().Length == 0 ? null : new OcrWord(text, b, confidence, Chars);
        }
    }
}
