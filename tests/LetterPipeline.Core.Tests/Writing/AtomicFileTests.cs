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

    [Theory]
    [InlineData(250)]
    [InlineData(80)]
    public void Write_NameNearTheFileSystemLimit_WritesItUnderABoundedTemporaryName(int length)
    {
        // A file system allows 255 bytes a name; the temporary name must fit whatever the final name's length.
        var path = Path.Combine(folder, new string('é', length / 2) + ".json");

        AtomicFile.Write(path, stream => stream.Write("{}"u8));

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData(".letter.json.4242.0123456789abcdef0123456789abcdef.tmp", true, 4242)]
    [InlineData("..4242.0123456789abcdef0123456789abcdef.tmp", true, 4242)]
    [InlineData("letter.json", false, 0)]
    [InlineData(".letter.json.x42.0123456789abcdef0123456789abcdef.tmp", false, 0)]
    [InlineData(".letter.json.42.0123456789abcdef.tmp", false, 0)]
    public void IsTemporary_Name_IsRecognisedWithItsWriter(string name, bool temporary, int writer)
    {
        Assert.Equal((temporary, writer), (AtomicFile.IsTemporary(name, out var processId), processId));
    }

    [Fact]
    public void IsTemporary_NameOfAnInterruptedWrite_IsRecognised()
    {
        var path = Path.Combine(folder, "letter.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ =>
        {
            var temp = Directory.GetFiles(folder).Single();
            Assert.True(AtomicFile.IsTemporary(Path.GetFileName(temp), out var writer));
            Assert.Equal(Environment.ProcessId, writer);
            throw new InvalidOperationException("checked");
        }));
    }
}
