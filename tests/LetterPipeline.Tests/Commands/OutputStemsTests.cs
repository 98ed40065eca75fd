using LetterPipeline.Commands;

namespace LetterPipeline.Tests.Commands;

/// <summary>Which letter keeps an output name in a <c>convert</c> batch, and what the others are called.</summary>
public sealed class OutputStemsTests
{
    private static readonly Dictionary<string, string> Shas = new(StringComparer.Ordinal)
    {
        ["a/brief.pdf"] = "aaaaaaaa" + new string('1', 56),
        ["b/brief.pdf"] = "bbbbbbbb" + new string('2', 56),
        ["c/brief.pdf"] = "aaaaaaaa" + new string('1', 56),
        ["letter.pdf"] = "cccccccc" + new string('3', 56),
        ["letter.PDF"] = "dddddddd" + new string('4', 56),
        ["x/Brief.pdf"] = "eeeeeeee" + new string('5', 56),
    };

    private static OutputPlan Assign(IEnumerable<string> inputs, Func<string, string?>? existing = null) =>
        OutputStems.Assign([.. inputs.Select(i => new ConversionJob(i, "out/" + Path.GetFileNameWithoutExtension(i)))], i => Shas[i], existing ?? (_ => null));

    [Fact]
    public void Assign_SameNameFromTwoFolders_SecondLetterGetsTheHashedStem()
    {
        var plan = Assign(["a/brief.pdf", "b/brief.pdf"]);

        Assert.Equal(["out/brief", "out/brief-bbbbbbbb"], plan.Jobs.Select(j => j.OutputStem));
        Assert.Equal(new OutputRename("b/brief.pdf", "out/brief-bbbbbbbb", "same name as a/brief.pdf"), Assert.Single(plan.Renamed));
    }

    [Fact]
    public void Assign_ExtensionInAnotherCase_KeepsBothLetters()
    {
        var plan = Assign(["letter.pdf", "letter.PDF"]);

        Assert.Equal(["out/letter", "out/letter-dddddddd"], plan.Jobs.Select(j => j.OutputStem));
    }

    [Fact]
    public void Assign_NamesDifferingOnlyInCase_AreKeptApartForFileSystemsThatIgnoreCase()
    {
        var plan = Assign(["a/brief.pdf", "x/Brief.pdf"]);

        Assert.Equal(["out/brief", "out/Brief-eeeeeeee"], plan.Jobs.Select(j => j.OutputStem));
    }

    [Fact]
    public void Assign_IdenticalContentUnderTheSameName_IsConvertedOnce()
    {
        var plan = Assign(["a/brief.pdf", "c/brief.pdf", "b/brief.pdf"]);

        Assert.Equal(["out/brief", "out/brief-bbbbbbbb"], plan.Jobs.Select(j => j.OutputStem));
        Assert.Equal(new IdenticalInput("c/brief.pdf", "a/brief.pdf"), Assert.Single(plan.Identical));
    }

    [Fact]
    public void Assign_NameHeldByAnotherLetterFromAnEarlierRun_LeavesItsOutputsAlone()
    {
        var plan = Assign(["b/brief.pdf"], stem => stem == "out/brief" ? Shas["a/brief.pdf"] : null);

        Assert.Equal(["out/brief-bbbbbbbb"], plan.Jobs.Select(j => j.OutputStem));
        Assert.Equal("brief.json holds another letter", Assert.Single(plan.Renamed).Reason);
    }

    [Fact]
    public void Assign_SameLetterAsAnEarlierRun_ReplacesItsOutputs()
    {
        var plan = Assign(["a/brief.pdf"], stem => stem == "out/brief" ? Shas["a/brief.pdf"] : null);

        Assert.Equal(["out/brief"], plan.Jobs.Select(j => j.OutputStem));
        Assert.Empty(plan.Renamed);
    }

    [Fact]
    public void Assign_DistinctNames_HashesNothing()
    {
        var plan = OutputStems.Assign([new ConversionJob("a.pdf", "out/a"), new ConversionJob("b.pdf", "out/b")],
            _ => throw new InvalidOperationException("no stem is contested"), _ => null);

        Assert.Equal(2, plan.Jobs.Count);
    }
}
