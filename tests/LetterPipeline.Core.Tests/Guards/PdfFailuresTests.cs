using LetterPipeline.Core.Guards;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace LetterPipeline.Core.Tests.Guards;

public sealed class PdfFailuresTests
{
    [Fact]
    public void Map_EncryptedException_IsEncrypted()
    {
        var failure = PdfFailures.Map(new PdfDocumentEncryptedException("no password"), "open");

        Assert.Equal((FailureCode.Encrypted, "open"), (failure?.Code, failure?.Stage));
    }

    [Fact]
    public void Map_UnexpectedExceptionFromInsidePdfPig_IsCorruptWithItsMessage()
    {
        // PdfPig's own argument check: an exception that PdfPig does not document, thrown from its code.
        var thrown = Record.Exception(() => PdfDocument.Open((byte[])null!));

        var failure = PdfFailures.Map(thrown, "parse");

        Assert.Equal(FailureCode.Corrupt, failure?.Code);
        Assert.Contains(thrown.Message, failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ExceptionFromOurOwnCode_IsNotMapped()
    {
        // A bug of ours must not be reported as a corrupt file.
        var thrown = Record.Exception(FailInOurCode);

        Assert.Null(PdfFailures.Map(thrown, "parse"));
    }

    private static void FailInOurCode() => throw new InvalidOperationException("bug");
}
