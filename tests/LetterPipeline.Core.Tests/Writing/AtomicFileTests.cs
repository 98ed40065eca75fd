using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Writing;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(FileDurability.Immediate)]
    [InlineData(FileDurability.CallerSyncs)]
    public void Write_EitherDurability_LeavesWholeFileAndNoTemporaryFile(FileDurability durability)
    {
        var path = Path.Combine(folder, "sub", "letter.json");

        AtomicFile.Write(path, stream => stream.Write("{\"a\":1}"u8), durability);
        AtomicFile.Write(path, stream => stream.Write("{\"b\":2}"u8), durability);

        Assert.Equal("{\"b\":2}", File.ReadAllText(path));
        Assert.Equal(["letter.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_WriterThrows_KeepsOldFileAndRemovesTemporaryFile()
    {
        var path = Path.Combine(folder, "letter.json");
        AtomicFile.Write(path, stream => stream.Write("old"u8));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("writer failed");
        }, FileDurability.CallerSyncs));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }
}
