using System.Text.Json;
using LetterPipeline.Core.Tests.Support;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Guards;

/// <summary>
/// Every file in tests/corpus/bad, tests/corpus/hostile and tests/corpus/fuzz, converted in-process: it converts or fails with its
/// own code, and nothing escapes as an unmapped exception. Hang.pdf and stackoverflow_error.pdf are left to the
/// child-process isolation (a stack overflow cannot be caught, a hang cannot be stopped in-process).
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private const string Converts = "converts";

    private static readonly string[] IsolatedOnly = ["Hang.pdf", "stackoverflow_error.pdf"];

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["bad/empty.pdf"] = "not-a-pdf",
        ["bad/notapdf.pdf"] = "not-a-pdf",
        ["bad/garbage-header.pdf"] = Converts,        // 2 KB of junk before a valid letter
        ["bad/truncated.pdf"] = "corrupt",            // cut off before any xref or trailer; poppler recovers nothing either
        ["bad/encrypted.pdf"] = "encrypted",          // user password
        ["bad/owner-locked.pdf"] = Converts,          // owner password only: opens without one
        ["bad/scanned.pdf"] = Converts,               // by OCR; "no-text-layer" where Tesseract is not installed
        ["bad/inflate-bomb.pdf"] = "too-large",       // a content stream that inflates to 300 MB
        ["hostile/0012156_encrypted-empty-user-pw.pdf"] = Converts,
        ["hostile/EmptyPdf.pdf"] = "no-text-layer",
        ["hostile/IAmWrongPDF.pdf"] = "not-a-pdf",
        ["hostile/PDFBOX-492-4.jar-8.pdf"] = Converts,
        ["hostile/SpookyPass.pdf"] = "corrupt",       // an object stream that contains itself
        ["hostile/encrypted-password-is-password.pdf"] = "encrypted",
        ["hostile/invalid-xref-loop.pdf"] = "no-text-layer",
        ["hostile/issue-1040.pdf"] = Converts,
        ["hostile/pages-indirect-to-null.pdf"] = "no-text-layer",
        ["hostile/pages-kids-not-page.pdf"] = "no-text-layer",
        ["hostile/placeholder-text-not-pdf.pdf"] = "not-a-pdf",
        ["hostile/r4_aes_empty_string.pdf"] = "encrypted", // AES-128 that PdfPig cannot decrypt: fails when a page is read
        ["hostile/single-page-broken-offsets.pdf"] = Converts,
        ["hostile/test-bom-encrypted.pdf"] = Converts,
        ["hostile/test_broken_header-only.pdf"] = "corrupt",
        ["fuzz/D1-citation-range-overflow/overflow-body.pdf"] = Converts, // a range to nr. 99999999999 used to crash the citation reader
        ["fuzz/D1-citation-range-overflow/overflow-fn.pdf"] = Converts,
        ["fuzz/D2-long-file-name/00-first.pdf"] = Converts,
        [$"fuzz/D2-long-file-name/{new string('a', 208)}.pdf"] = Converts, // its temporary output name used to pass 255 bytes
        ["fuzz/D2-long-file-name/zz-last.pdf"] = Converts,
        ["fuzz/D5-dot-names-escape-out/..pdf"] = Converts,
        ["fuzz/D6-convert-stem-collision/letter.PDF"] = Converts,
        ["fuzz/D6-convert-stem-collision/letter.pdf"] = Converts,
        ["fuzz/D7-bomb-guard-bypass/a-control-single-flate.pdf"] = "too-large",
        ["fuzz/D7-bomb-guard-bypass/b-double-flate.pdf"] = "too-large",   // [/FlateDecode /FlateDecode]
        ["fuzz/D7-bomb-guard-bypass/c-dict-padding.pdf"] = "too-large",   // a stream dictionary over 4 KB
        ["fuzz/D7-bomb-guard-bypass/d-fake-image-key.pdf"] = "too-large", // /Subtype /Image nested in another key
        ["fuzz/D7-bomb-guard-bypass/e-name-escape.pdf"] = "too-large",    // /Fl#61teDecode
        ["fuzz/D7-bomb-guard-bypass/f-abbrev-Fl.pdf"] = "too-large",      // /Fl
        ["fuzz/D8-stack-overflow-deep-page-tree/inherit-depth100000.pdf"] = "corrupt", // 100,000 levels overflowed PdfPig's stack
    };

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-guards-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string, string> Files
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, code) in Expected)
            {
                data.Add(file, code);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Convert_CorpusFile_ConvertsOrFailsWithItsCode(string file, string expected)
    {
        if (file == "bad/scanned.pdf" && !Core.Ocr.OcrTools.Installed && !ToolCheck.IsCi)
        {
            expected = "no-text-layer";
        }

        var outcome = Convert(file);

        Assert.Equal(expected, outcome.Succeeded ? Converts : outcome.Code!.Value.ToCode());
        if (outcome.Succeeded)
        {
            Assert.True(outcome.Pages > 0);
            Assert.True(File.Exists(outcome.Outputs[0]));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        }
    }

    [Fact]
    public void Expectations_CoverEveryBadHostileAndFuzzFile()
    {
        var files = new[] { "bad", "hostile", "fuzz" }
            .SelectMany(folder => Directory.GetFiles(Corpus.Folder(folder), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !IsolatedOnly.Contains(Path.GetFileName(f)) && f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(files.Order(), Expected.Keys.Order());
    }

    [Theory]
    [InlineData("bad/garbage-header.pdf")]
    [InlineData("bad/owner-locked.pdf")]
    public void Convert_LetterBehindJunkOrOwnerLock_ReadsTheWholeLetter(string file)
    {
        var outcome = Convert(file);

        Assert.True(outcome.Succeeded, outcome.Message);
        var text = BodyText(outcome.Outputs[0]);
        Assert.Contains("Raad Buitenlandse Zaken plaats", text, StringComparison.Ordinal); // page 1
        Assert.Contains("ontwikkelingen in Iran", text, StringComparison.Ordinal);         // page 2
    }

    [Fact]
    public void Convert_InflateBomb_FailsWithoutInflatingIt()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var outcome = Convert("bad/inflate-bomb.pdf");

        // PdfPig itself would allocate the 300 MB (and more); the guard stops at its cap with a 64 KB buffer.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(FailureCode.TooLarge, outcome.Code);
        Assert.True(allocated < 16 << 20, $"allocated {allocated >> 20} MB");
    }

    private ConversionOutcome Convert(string file) =>
        new LetterConverter([new JsonLetterWriter()])
            .Convert(Path.Combine(Corpus.Folder(Path.GetDirectoryName(file)!), Path.GetFileName(file)),
                Path.Combine(temp, Path.GetFileNameWithoutExtension(file)));

    private static string BodyText(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        return string.Join(" ", json.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
            .Select(p => p.GetProperty("text").GetString()));
    }
}
