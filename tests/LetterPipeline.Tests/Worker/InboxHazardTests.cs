using System.Text;
using LetterPipeline.Core;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Worker;
using Microsoft.Extensions.Logging;

namespace LetterPipeline.Tests.Worker;

/// <summary>
/// What the inbox can hold besides letters: names near the file system's limit, symbolic links, restrictive
/// permissions, leftovers of a killed worker, a copy that stalls. In this process, on fakes (see <see cref="InboxRig"/>).
/// </summary>
public sealed class InboxHazardTests : IDisposable
{
    private const int StillWriting = 6, Incomplete = 40, LinkSkipped = 41, LeftoverRemoved = 42;

    private readonly InboxRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task RunPass_FileNameNearTheLimitThatFails_IsQuarantinedUnderBoundedNamesOnce()
    {
        var name = new string('a', 208) + ".pdf";
        var key = rig.Drop(name, "not a letter");
        rig.Converter.Failing = FailureCode.Corrupt;

        var first = await rig.RunPassAsync();
        var second = await rig.RunPassAsync();

        Assert.Equal((1, 0), (first.Quarantined, second.Quarantined + second.Converted + second.Errors));
        var stem = Path.GetFileName(Assert.Single(rig.Converter.Calls).OutputStem);
        Assert.True(Encoding.UTF8.GetByteCount(stem) <= OutputNames.MaxSegmentBytes, stem);
        Assert.Equal(stem, rig.Ledger.Row(key).OutputStem);
        var failed = InboxRig.Files(rig.Failed);
        Assert.Contains(name, failed);
        Assert.Contains(stem + ".error.json", failed);
        Assert.Empty(InboxRig.Files(rig.Inbox));
    }

    [Fact]
    public async Task RunPass_OddNames_GetSafeOutputNamesAndDotNamesAreLeftAlone()
    {
        rig.Drop("..pdf", "hidden");
        rig.Drop("sub/...pdf", "hidden too");
        rig.Drop("tab\tand\u001b[31mescape.pdf", "odd");

        await rig.RunPassAsync();

        var stem = Assert.Single(rig.Converter.Calls).OutputStem;
        Assert.Equal(Path.Combine(rig.Output, "tab_and_[31mescape"), stem);
        Assert.Equal(["..pdf", "sub/...pdf"], InboxRig.Files(rig.Inbox));
    }

    [Fact]
    public async Task RunPass_LinksToFoldersAndFiles_AreLeftAloneAndLoggedOnce()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links need privileges there.
        }

        using var outside = new TempDir();
        File.WriteAllText(Path.Combine(outside.Path, "elsewhere.pdf"), "%PDF-1.4\n% elsewhere\n%%EOF\n");
        File.WriteAllText(Path.Combine(outside.Path, "private.pdf"), "%PDF-1.4\n% private\n%%EOF\n");
        File.SetUnixFileMode(Path.Combine(outside.Path, "private.pdf"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateSymbolicLink(Path.Combine(rig.Inbox, "linked-folder"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(rig.Inbox, "self"), rig.Inbox);
        File.CreateSymbolicLink(Path.Combine(rig.Inbox, "private.pdf"), Path.Combine(outside.Path, "private.pdf"));
        rig.Drop("own.pdf", "own letter");

        var first = await rig.RunPassAsync();
        var second = await rig.RunPassAsync();

        Assert.Equal((1, 0, 0), (first.Converted, first.Errors, second.Errors));
        Assert.Equal([Path.Combine(rig.Inbox, "own.pdf")], rig.Converter.Calls.Select(c => c.Input));
        Assert.Equal(["elsewhere.pdf", "private.pdf"], InboxRig.Files(outside.Path));
        Assert.Equal(["own.pdf"], InboxRig.Files(rig.Archive));
        Assert.Equal(3, rig.Events.Count(e => e == LinkSkipped));
        Assert.Empty(InboxRig.Files(rig.Failed));
    }

    [Fact]
    public async Task RunPass_LinkToAFileInsideTheInbox_IsTakenWhenAskedAndOneOutsideIsNot()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var outside = new TempDir();
        File.WriteAllText(Path.Combine(outside.Path, "elsewhere.pdf"), "%PDF-1.4\n% elsewhere\n%%EOF\n");
        rig.Drop("scans/original.pdf", "a letter");
        File.CreateSymbolicLink(Path.Combine(rig.Inbox, "shortcut.pdf"), Path.Combine(rig.Inbox, "scans", "original.pdf"));
        File.CreateSymbolicLink(Path.Combine(rig.Inbox, "outside.pdf"), Path.Combine(outside.Path, "elsewhere.pdf"));
        rig.Options.FollowFileLinks = true;
        rig.Options.KeepInputs = true;

        var summary = await rig.RunPassAsync();

        // The link and its target are one document: one converted, the other its duplicate.
        Assert.Equal((1, 1), (summary.Converted, summary.Duplicates));
        Assert.Equal(1, rig.Events.Count(e => e == LinkSkipped));
        Assert.Equal(["elsewhere.pdf"], InboxRig.Files(outside.Path));
    }

    [Fact]
    public async Task RunPass_InputReadableOnlyByItsOwner_StaysSoInTheArchive()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions.
        }

        rig.Drop("private.pdf", "a private letter");
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(Path.Combine(rig.Inbox, "private.pdf"), ownerOnly);

        await rig.RunPassAsync();

        Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(rig.Archive, "private.pdf")));
    }

    [Fact]
    public async Task RunPass_LeftoversOfAKilledWorker_AreRemovedOnceNobodyCanBeWritingThem()
    {
        var longAgo = rig.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1);
        var justNow = rig.Clock.GetUtcNow().UtcDateTime;
        var leftovers = new[]
        {
            Path.Combine(rig.Archive, "2023", $".brief.pdf.{Guid.NewGuid():N}.moving"),
            Path.Combine(rig.Failed, $".kapot.error.json.4242.{Guid.NewGuid():N}.tmp"),
            Path.Combine(rig.Output, "2023", $".brief.docx.4242.{Guid.NewGuid():N}.tmp"),
        };
        var kept = new[]
        {
            Path.Combine(rig.Archive, $".busy.pdf.{Guid.NewGuid():N}.moving"),   // written just now: a move in progress
            Path.Combine(rig.Output, ".notes.txt"),                             // not a name of ours
            Path.Combine(rig.Output, "brief.json"),
        };
        foreach (var file in leftovers.Concat(kept))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "partial");
            File.SetLastWriteTimeUtc(file, leftovers.Contains(file) || file.EndsWith(".txt", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal) ? longAgo : justNow);
        }

        await rig.RunPassAsync();

        Assert.All(leftovers, f => Assert.False(File.Exists(f), f));
        Assert.All(kept, f => Assert.True(File.Exists(f), f));
        Assert.Equal(3, rig.Events.Count(e => e == LeftoverRemoved));
    }

    [Fact]
    public async Task RunPass_FileWithoutEndOfFile_WaitsForTheGracePeriodThenIsTaken()
    {
        var path = Path.Combine(rig.Inbox, "stalled.pdf");
        File.WriteAllText(path, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty");
        File.SetLastWriteTimeUtc(path, rig.Clock.GetUtcNow().UtcDateTime);
        rig.Options.IncompleteGrace = TimeSpan.FromMinutes(10);
        rig.Converter.Failing = FailureCode.Corrupt;

        var early = await rig.RunPassAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(9));
        var stillEarly = await rig.RunPassAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await rig.RunPassAsync();

        Assert.Equal((1, 1, 0), (early.StillWriting, stillEarly.StillWriting, late.StillWriting));
        Assert.Equal(1, late.Quarantined);
        Assert.Single(rig.Converter.Calls);
        Assert.Equal(2, rig.Events.Count(e => e == Incomplete));
        Assert.DoesNotContain(StillWriting, rig.Events);
        Assert.Contains("stalled.pdf", InboxRig.Files(rig.Failed));
    }

    [Fact]
    public async Task RunPass_CompleteFileWrittenJustNow_IsTakenAtOnce()
    {
        var key = rig.Drop("fresh.pdf", "a letter");
        File.SetLastWriteTimeUtc(Path.Combine(rig.Inbox, "fresh.pdf"), rig.Clock.GetUtcNow().UtcDateTime);

        var summary = await rig.RunPassAsync();

        Assert.Equal(1, summary.Converted);
        Assert.Equal(DocumentStatus.Converted, rig.Ledger.Row(key).Status);
        Assert.Empty(rig.Messages(LogLevel.Warning));
    }
}
