using LetterPipeline.Core.Tests.Writing.Support;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Writing;

/// <summary>Every corpus letter and published document, parsed by the real pipeline, written as .docx, validated and read back.</summary>
public sealed class WordCorpusTests
{
    public static TheoryData<string> Letters => WordTestFiles.CorpusLetters();

    public static TheoryData<string> RealDocuments => WordTestFiles.RealDocuments();

    [Theory]
    [MemberData(nameof(Letters))]
    public void Write_CorpusLetter_PassesValidatorAndRoundTrips(string name) =>
        AssertWritesAndRoundTrips(WordTestFiles.ParseCorpusLetter(name));

    [Theory]
    [MemberData(nameof(RealDocuments))]
    public void Write_RealDocument_PassesValidatorAndRoundTrips(string name) =>
        AssertWritesAndRoundTrips(WordTestFiles.ParseRealDocument(name));

    private static void AssertWritesAndRoundTrips(Model.Letter letter)
    {
        using var stream = new MemoryStream();

        new WordLetterWriter().Write(letter, stream);

        var document = WordDocumentReader.Read(stream.ToArray());
        Assert.Empty(document.ValidationErrors);
        WordRoundTrip.AssertMatches(letter, document);
        Assert.Equal(letter.PublicationId, document.Subject);
    }
}
