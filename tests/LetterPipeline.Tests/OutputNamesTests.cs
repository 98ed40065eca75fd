using System.Text;

namespace LetterPipeline.Tests;

public sealed class OutputNamesTests
{
    [Theory]
    [InlineData("brief.pdf", "brief")]
    [InlineData("2023/brief.pdf", "2023/brief")]
    [InlineData("Brief 12 maart (def).PDF", "Brief 12 maart (def)")]
    [InlineData("..pdf", "_")]
    [InlineData("...pdf", "__")]
    [InlineData(".pdf", "_")]
    [InlineData(".hidden.pdf", "_hidden")]
    [InlineData("sub/..pdf", "sub/_")]
    [InlineData("a\u001b[31mred\u0007.pdf", "a_[31mred_")]
    [InlineData("back\\slash.pdf", "back_slash")]
    public void Stem_InputName_IsSafe(string input, string expected)
    {
        Assert.Equal(expected, OutputNames.Stem(input));
    }

    [Theory]
    [InlineData(250, 'a')]
    [InlineData(70, '文')]
    [InlineData(101, 'a')]
    public void Stem_LongName_IsCutToTheLimitWithAHashOfTheWhole(int length, char c)
    {
        var name = new string(c, length);

        var stem = OutputNames.Stem(name + ".pdf");

        Assert.True(Encoding.UTF8.GetByteCount(stem) <= OutputNames.MaxSegmentBytes, stem);
        Assert.StartsWith(new string(c, 10), stem, StringComparison.Ordinal);
        Assert.NotEqual(stem, OutputNames.Stem(name + "x.pdf"));
        Assert.Equal(stem, OutputNames.Stem(name + ".pdf"));
    }

    [Fact]
    public void Stem_NameOfExactlyTheLimit_IsKept()
    {
        var name = new string('a', OutputNames.MaxSegmentBytes);

        Assert.Equal(name, OutputNames.Stem(name + ".pdf"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../out2/x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Inside_PathLeavingTheFolder_Throws(string relative)
    {
        Assert.Throws<OutputNameException>(() => OutputNames.Inside("/srv/out", relative));
    }

    [Theory]
    [InlineData("x", "/srv/out/x")]
    [InlineData("a/b/../c", "/srv/out/a/c")]
    [InlineData("_", "/srv/out/_")]
    public void Inside_PathBelowTheFolder_IsItsFullPath(string relative, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix paths.
        }

        Assert.Equal(expected, OutputNames.Inside("/srv/out/", relative));
    }
}
