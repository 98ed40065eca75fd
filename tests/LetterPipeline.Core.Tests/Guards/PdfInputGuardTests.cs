using System.IO.Compression;
using System.Text;
using LetterPipeline.Core.Guards;
using LetterPipeline.Core.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LetterPipeline.Core.Tests.Guards;

/// <summary>Small inputs built in the test: what the guard, the open step and the text-layer check make of them.</summary>
public sealed class PdfInputGuardTests
{
    private static readonly PdfInputLimits OneMegabyte = new(MaxInflatedStreamBytes: 1 << 20, MaxInflatedDocumentBytes: 1 << 20);

    [Fact]
    public void Check_EmptyFile_IsNotAPdf()
    {
        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check([]));

        Assert.Equal((FailureCode.NotAPdf, "guard"), (error.Code, error.Stage));
    }

    [Theory]
    [InlineData("Dit is geen PDF maar een tekstbestand.")]
    [InlineData("%PDF-")]
    [InlineData("%PDF-x.y but no version")]
    public void Check_TextWithoutPdfHeader_IsNotAPdf(string content)
    {
        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(Encoding.ASCII.GetBytes(content)));

        Assert.Equal(FailureCode.NotAPdf, error.Code);
    }

    [Fact]
    public void Check_HeaderAfterMoreThan64KbOfJunk_IsNotAPdf()
    {
        var pdf = Junk(65 * 1024).Concat(LetterWithText("Geachte voorzitter")).ToArray();

        Assert.Equal(FailureCode.NotAPdf, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf)).Code);
    }

    [Fact]
    public void Parse_LetterAfterTwoKilobytesOfJunk_ReadsTheLetter()
    {
        var pdf = Junk(2048).Concat(LetterWithText("Geachte voorzitter, hierbij de brief.")).ToArray();

        var letter = new LetterParser().Parse(pdf, "junk.pdf", "sha").Letter;

        Assert.Equal(1, letter.Source.Pages);
        var text = letter.Title + " " + string.Join(" ", letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text));
        Assert.Contains("hierbij de brief", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PageWithDrawingButNoText_HasNoTextLayer()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 300, fill: true);

        var error = Assert.Throws<LetterFormatException>(() => new LetterParser().Parse(builder.Build(), "scan.pdf", "sha"));

        Assert.Equal(FailureCode.NoTextLayer, error.Code);
    }

    [Fact]
    public void Check_StreamInflatingPastTheStreamLimit_IsTooLarge()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 2 << 20));

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedDocumentBytes = 8 << 20 }));

        Assert.Equal((FailureCode.TooLarge, "guard"), (error.Code, error.Stage));
        Assert.Contains("limit per stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StreamsTogetherPastTheDocumentLimit_IsTooLarge()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 600_000), ("<< /Filter /FlateDecode >>", 600_000));

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedStreamBytes = 8 << 20 }));

        Assert.Contains("limit per document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StreamsWithinLimits_Pass()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 400_000), ("<< /Length 10 /Filter [/FlateDecode] >>", 400_000));

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    [Fact]
    public void Check_LargeImageStream_IsNotCounted()
    {
        // PdfPig inflates images only when asked for them, and the pipeline never asks.
        var pdf = PdfWithStreams(("<< /Type /XObject /Subtype /Image /Width 2048 /Height 1024 /Filter /FlateDecode >>", 2 << 20));

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    [Fact]
    public void Check_StreamThatIsNotDeflateData_Passes()
    {
        // An encrypted stream is noise until decrypted: it counts for what inflates before the error.
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n")
            .Concat(noise).Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n")).ToArray();

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    [Theory]
    [InlineData("/Filter [/FlateDecode /FlateDecode]")]
    [InlineData("/Filter /Fl")]
    [InlineData("/Filter /Fl#61teDecode")]
    [InlineData("/Filter [/Fl]")]
    [InlineData("/F /FlateDecode")]
    public void Check_FlateBombUnderAnyFilterSpelling_IsTooLarge(string filter)
    {
        var bomb = RawPdf.Zlib(new byte[3 << 20]);
        var data = filter.Contains("/FlateDecode /FlateDecode", StringComparison.Ordinal) ? RawPdf.Zlib(bomb) : bomb;
        var pdf = RawPdf.Letter(filter, data);

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedDocumentBytes = 64 << 20 }));

        Assert.Equal((FailureCode.TooLarge, "guard"), (error.Code, error.Stage));
    }

    public static TheoryData<string, byte[]> OtherFilterBombs => new()
    {
        { "/Filter [/AHx /Fl]", RawPdf.Hex(RawPdf.Zlib(new byte[3 << 20])) },
        { "/Filter [/ASCII85Decode /FlateDecode]", Encoders.Ascii85(RawPdf.Zlib(new byte[3 << 20])) },
        { "/Filter [/FlateDecode /ASCII85Decode]", RawPdf.Zlib(Encoders.Ascii85(new byte[3 << 20])) },
        { "/Filter /LZW", Encoders.LzwZeros(1) },
        { "/Filter /LZWDecode", Encoders.LzwZeros(1) },
        { "/Filter /RL", Encoders.RunLengthZeros(20_000) },
        { "/Filter [/Fl /RunLengthDecode]", RawPdf.Zlib(Encoders.RunLengthZeros(20_000)) },
        { "/Filter [/LZW /Fl]", LzwOfZlibBomb() },
    };

    [Theory]
    [MemberData(nameof(OtherFilterBombs))]
    public void Check_BombThroughAChainOfOtherFilters_IsTooLarge(string filter, byte[] data)
    {
        var pdf = RawPdf.Letter(filter, data);

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedDocumentBytes = 64 << 20 }));

        Assert.Equal(FailureCode.TooLarge, error.Code);
    }

    [Fact]
    public void Check_StreamDictionaryLargerThanFourKilobytes_IsStillRead()
    {
        var pdf = RawPdf.Letter($"/Pad ({new string('x', 20_000)}) /Filter /FlateDecode", RawPdf.Zlib(new byte[3 << 20]));

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Theory]
    [InlineData("/Junk << /Subtype /Image >>")]
    [InlineData("/Subtype /Image")]
    public void Check_ContentStreamCallingItselfAnImage_IsStillDecoded(string keys)
    {
        // PdfPig decodes page content whatever its dictionary says; only real images are left undecoded.
        var pdf = RawPdf.Letter("/Filter /FlateDecode", RawPdf.Zlib(new byte[3 << 20]), keys);

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Fact]
    public void Check_ImageUsedAsImage_IsNotDecoded()
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var image = pdf.Stream("/Type /XObject /Subtype /Image /Width 2048 /Height 1024 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
            RawPdf.Zlib(new byte[2 << 20]));
        var resources = pdf.Add($"<< /XObject << /Im0 {image} 0 R >> >>");
        var content = pdf.Stream("", "q 100 0 0 50 0 0 cm /Im0 Do Q"u8.ToArray());
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources {resources} 0 R /Contents {content} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");

        PdfInputGuard.Check(pdf.Build(catalog), OneMegabyte);
    }

    [Fact]
    public void Check_FilterGivenByReference_IsFollowed()
    {
        var pdf = new RawPdf();
        var filters = pdf.Add("[/AHx /FlateDecode]");
        pdf.Stream($"/Filter {filters} 0 R", RawPdf.Hex(RawPdf.Zlib(new byte[3 << 20])));

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf.Build(1), OneMegabyte)).Code);
    }

    [Fact]
    public void Check_FlateStageThatFails_PassesItsInputOnAsPdfPigDoes()
    {
        // PdfPig's FlateFilter returns its input when inflating fails: the hex text reaches the next filters intact.
        var hex = RawPdf.Hex(RawPdf.Zlib(new byte[3 << 20]));
        Assert.ThrowsAny<InvalidDataException>(() => Inflate(hex));
        var pdf = RawPdf.Letter("/Filter [/FlateDecode /ASCIIHexDecode /FlateDecode]", hex);

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Fact]
    public void Check_CcittStreamWhoseBitmapIsHuge_IsTooLargeWithoutDecoding()
    {
        var pdf = RawPdf.Letter("/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 100000 /Rows 100000 >>", new byte[16]);

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Fact]
    public void Check_PredictorRowsWiderThanTheLimit_AreTooLarge()
    {
        var pdf = RawPdf.Letter("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 32 /BitsPerComponent 16 /Columns 100000 >>",
            RawPdf.Zlib(new byte[100]));

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Fact]
    public void Check_ObjectWithUnclosedStringBeforeTheBomb_DoesNotHideIt()
    {
        // PdfPig reads each object from its own offset: an unreferenced object whose string never closes hides nothing.
        var pdf = new RawPdf();
        pdf.Add("<< /Title (never closed >>");
        pdf.Stream("/Filter /FlateDecode", RawPdf.Zlib(new byte[3 << 20]));

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf.Build(1), OneMegabyte)).Code);
    }

    [Fact]
    public void Check_StreamWithoutAnObjectHeader_CountsAsFlate()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n<< /Filter /FlateDecode >>\nstream\n")
            .Concat(RawPdf.Zlib(new byte[3 << 20])).Concat(Encoding.Latin1.GetBytes("\nendstream\n%%EOF\n")).ToArray();

        Assert.Equal(FailureCode.TooLarge, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte)).Code);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(100, false)]
    public void Check_PageTreeDepth_IsRefusedPast256Levels(int depth, bool refused)
    {
        var pdf = DeepPageTree(depth, shortcut: false, inObjectStream: false);

        var error = Record.Exception(() => PdfInputGuard.Check(pdf));

        Assert.Equal(refused, error is LetterFormatException { Code: FailureCode.Corrupt, Stage: "guard" });
        Assert.True(refused || error is null, error?.Message);
    }

    [Fact]
    public void Check_DeepChainBesideShallowLinksToEveryNode_IsRefused()
    {
        // The root also lists every node as a kid: the shortest route to each is short, but PdfPig still walks the chain.
        Assert.Equal(FailureCode.Corrupt, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(DeepPageTree(1000, shortcut: true, inObjectStream: false))).Code);
    }

    [Fact]
    public void Check_DeepPageTreeInsideAnObjectStream_IsRefused()
    {
        Assert.Equal(FailureCode.Corrupt, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(DeepPageTree(1000, shortcut: false, inObjectStream: true))).Code);
    }

    [Fact]
    public void Parse_PageTreeWithinTheLimit_ReadsTheLetter()
    {
        var letter = new LetterParser().Parse(DeepPageTree(100, shortcut: false, inObjectStream: false), "deep.pdf", "sha").Letter;

        Assert.Equal(1, letter.Source.Pages);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(200, false)]
    public void Check_ArraysNestedPast256Levels_AreCorrupt(int depth, bool refused)
    {
        var pdf = new RawPdf();
        pdf.Add($"<< /Deep {new string('[', depth)}{new string(']', depth)} >>");

        var error = Record.Exception(() => PdfInputGuard.Check(pdf.Build(1)));

        Assert.Equal(refused, error is LetterFormatException { Code: FailureCode.Corrupt });
    }

    [Theory]
    [InlineData(2, true, true)]      // A draws B, B draws A
    [InlineData(1, true, true)]      // A draws itself
    [InlineData(200, false, true)]   // 200 forms, each drawing the next
    [InlineData(3, false, false)]
    public void Check_FormsDrawingEachOther_AreRefusedWhenCircularOrTooDeep(int depth, bool cycle, bool refused)
    {
        var error = Record.Exception(() => PdfInputGuard.Check(Forms(depth, cycle, sharedResources: false)));

        Assert.Equal(refused, error is LetterFormatException { Code: FailureCode.Corrupt, Stage: "guard" });
        Assert.True(refused || error is null, error?.Message);
    }

    [Fact]
    public void Check_FormsSharingOneResourceDictionary_AreReadByWhatTheyDraw()
    {
        // Every form lists every other in its resources, as some producers write them; each draws only the next.
        var letter = new LetterParser().Parse(Forms(4, cycle: false, sharedResources: true), "forms.pdf", "sha").Letter;

        Assert.Contains("Geachte voorzitter", letter.Title + string.Join(" ", letter.Sections.SelectMany(x => x.Paragraphs).Select(p => p.Text)), StringComparison.Ordinal);
    }

    /// <summary>A page drawing form 0, which draws form 1, … (the last drawing form 0 again when <paramref name="cycle"/>), each under a name of its own.</summary>
    private static byte[] Forms(int depth, bool cycle, bool sharedResources)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var forms = Enumerable.Range(0, depth).Select(_ => pdf.Reserve()).ToArray();
        var shared = pdf.Add($"<< /Font << /F1 {font} 0 R >> /XObject << {string.Join(' ', forms.Select((f, i) => $"/Fx{i} {f} 0 R"))} >> >>");
        for (var n = 0; n < depth; n++)
        {
            var next = n + 1 < depth ? n + 1 : cycle ? 0 : -1;
            var text = $"BT /F1 12 Tf 72 {700 - (n * 14)} Td (Geachte voorzitter {n}) Tj ET";
            var draw = next < 0 ? text : $"/Fx{next} Do {text}";
            var resources = sharedResources ? $"{shared} 0 R" : next < 0 ? $"<< /Font << /F1 {font} 0 R >> >>" : $"<< /Font << /F1 {font} 0 R >> /XObject << /Fx{next} {forms[next]} 0 R >> >>";
            pdf.Set(forms[n], $"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {resources} /Length {draw.Length} >>\nstream\n{draw}\nendstream");
        }

        var content = pdf.Stream("", Encoding.ASCII.GetBytes("/Fx0 Do"));
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fx0 {forms[0]} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }

    /// <summary>A one-page letter whose page sits <paramref name="depth"/> levels below the root of the page tree.</summary>
    private static byte[] DeepPageTree(int depth, bool shortcut, bool inObjectStream)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.Stream("", RawPdf.Content("Geachte voorzitter, een diepe boom."));
        var page = pdf.Reserve();
        // In an object stream the nodes take numbers of their own; the guard reads them, PdfPig would need an xref stream.
        var first = inObjectStream ? 100_000 : page + 1;
        var nodes = Enumerable.Range(first, depth).ToArray();
        var bodies = nodes.Select((n, i) =>
        {
            var kid = i == depth - 1 ? page : n + 1;
            var kids = i == 0 && shortcut ? string.Join(' ', nodes.Skip(1).Append(page).Select(k => $"{k} 0 R")) : $"{kid} 0 R";
            var parent = i == 0 ? "" : $"/Parent {n - 1} 0 R";
            var inherited = i == 0 ? $"/Resources << /Font << /F1 {font} 0 R >> >> /MediaBox [0 0 595 842]" : "";
            return $"<< /Type /Pages /Kids [{kids}] /Count 1 {parent} {inherited} >>";
        }).ToList();
        pdf.Set(page, $"<< /Type /Page /Parent {nodes[^1]} 0 R /Contents {content} 0 R >>");
        if (inObjectStream)
        {
            var header = string.Join(' ', nodes.Select((n, i) => $"{n} {bodies.Take(i).Sum(b => b.Length + 1)}"));
            var objects = string.Join('\n', bodies);
            var data = Encoding.Latin1.GetBytes(header + "\n" + objects);
            pdf.Stream($"/Type /ObjStm /N {depth} /First {header.Length + 1} /Filter /FlateDecode", RawPdf.Zlib(data));
        }
        else
        {
            foreach (var body in bodies)
            {
                pdf.Add(body);
            }
        }

        pdf.Set(catalog, $"<< /Type /Catalog /Pages {first} 0 R >>");
        return pdf.Build(catalog);
    }

    private static byte[] LzwOfZlibBomb()
    {
        // The LZW stage's output is a zlib bomb: the literal codes of each byte, then end-of-data, widths as PdfPig reads them.
        var zlib = RawPdf.Zlib(new byte[3 << 20]);
        var bits = new List<bool>();
        var count = 258;
        var width = 9;
        var first = true;
        foreach (var b in zlib)
        {
            Write(b);
            if (!first)
            {
                count++;
            }

            first = false;
            width = count >= 2047 ? 12 : count >= 1023 ? 11 : count >= 511 ? 10 : 9;
            if (count >= 4000)
            {
                Write(256);
                count = 258;
                width = 9;
                first = true;
            }
        }

        Write(257);
        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return bytes;

        void Write(int code)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                bits.Add(((code >> i) & 1) == 1);
            }
        }
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new MemoryStream(zlib, 2, zlib.Length - 2);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] LetterWithText(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 11, new PdfPoint(72, 700), font);
        return builder.Build();
    }

    private static byte[] Junk(int length)
    {
        var junk = new byte[length];
        new Random(42).NextBytes(junk);
        return junk;
    }

    // A PDF-shaped file with one object per stream: enough for the raw-byte scan, which reads no xref.
    private static byte[] PdfWithStreams(params (string Dictionary, int InflatedLength)[] streams)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        for (var i = 0; i < streams.Length; i++)
        {
            pdf.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n{streams[i].Dictionary}\nstream\n"));
            using (var zlib = new ZLibStream(pdf, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[streams[i].InflatedLength]);
            }

            pdf.Write("\nendstream\nendobj\n"u8);
        }

        pdf.Write("%%EOF\n"u8);
        return pdf.ToArray();
    }
}
