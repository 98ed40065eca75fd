using LetterPipeline.Core;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Worker;
using Microsoft.Extensions.Logging;

namespace LetterPipeline.Tests.Worker;

/// <summary>
/// Each way an inbox file can go through a pass, in this process: the ledger, the cluster store and the converter
/// are fakes, and time moves only when a test moves it. <c>RunOnceTests</c> and <c>ClusterRunTests</c> run the
/// same passes through the real program.
/// </summary>
public sealed class InboxProcessorTests : IDisposable
{
    // The pass's log events (InboxLog): the ids are part of the log's contract.
    private const int Converted = 1, Quarantined = 2, Duplicate = 3, Unchanged = 4, Settled = 5, StillWriting = 6, NotProcessed = 7,
        Leased = 8, LeaseLost = 9, PassDone = 10, Deferred = 51, Waiting = 52, ConvertedAgain = 53, NotDone = 55, ConversionWarning = 57;

    private readonly InboxRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task RunPass_NewDocument_ConvertsRecordsAndArchivesIt()
    {
        var key = rig.Drop("2023/brief.pdf", "letter A");

        var summary = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(1, 0, 0, 0, 0, 0, 0), summary);
        Assert.Equal([new ConversionCall(Path.Combine(rig.Inbox, "2023/brief.pdf"), Path.Combine(rig.Output, "2023/brief"))], rig.Converter.Calls);
        var row = rig.Ledger.Row(key);
        Assert.Equal(("2023/brief.pdf", "2023/brief", DocumentStatus.Converted, 1, 2), (row.File, row.OutputStem, row.Status, row.Attempts, row.Pages));
        Assert.Equal(rig.Clock.GetUtcNow(), row.CompletedAt);
        Assert.Equal(["2023/brief.pdf"], rig.References.Letters.Select(l => l.Source.File));
        Assert.Empty(InboxRig.Files(rig.Inbox));
        Assert.Equal(["2023/brief.pdf"], InboxRig.Files(rig.Archive));
        Assert.Equal([new LeaseRelease(key, InboxRig.Node, DocumentStatus.Converted, Released: true)], rig.ClusterStore.Releases);
        Assert.Empty(rig.Held.Snapshot());
        Assert.Equal([Converted, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_LetterWithWarnings_LogsTheCountFlagsAndEachWarningsText()
    {
        rig.Drop("brief.pdf", "letter A");
        rig.Converter.Warnings =
        [
            new ParseWarning(3, "1 line(s) on page 3 were not placed: “Stempel ingekomen”.") { Code = "text-unplaced" },
            new ParseWarning(0, "Marker 4 after “…de brief” has no footnote text.") { Code = "marker-without-footnote" },
        ];

        await rig.RunPassAsync();

        Assert.Equal([Converted, ConversionWarning, ConversionWarning, PassDone], rig.Events);
        var info = rig.Messages(LogLevel.Information)[0];
        Assert.Contains("warnings=2 flags=text-unplaced,marker-without-footnote", info, StringComparison.Ordinal);
        Assert.Equal(
            ["brief.pdf warning page=3 text-unplaced: 1 line(s) on page 3 were not placed: “Stempel ingekomen”.",
             "brief.pdf warning page=0 marker-without-footnote: Marker 4 after “…de brief” has no footnote text."],
            rig.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task RunPass_NewDocumentThatCannotBeRead_QuarantinesItBesideItsErrorFile()
    {
        var key = rig.Drop("brief.pdf", "not a letter");
        rig.Converter.Failing = FailureCode.Corrupt;

        var summary = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 1, 0, 0, 0, 0, 0), summary);
        Assert.Equal(2, summary.ExitCode);
        var row = rig.Ledger.Row(key);
        Assert.Equal((DocumentStatus.Failed, FailureCode.Corrupt.ToCode(), "open"), (row.Status, row.Code, row.Stage));
        Assert.Equal(["brief.error.json", "brief.pdf"], InboxRig.Files(rig.Failed));
        Assert.Contains($"\"code\": \"{FailureCode.Corrupt.ToCode()}\"", File.ReadAllText(Path.Combine(rig.Failed, "brief.error.json")), StringComparison.Ordinal);
        Assert.Empty(rig.References.Letters);
        Assert.Equal(DocumentStatus.Failed, Assert.Single(rig.ClusterStore.Releases).Finished);
        Assert.Equal([Quarantined, PassDone, NotDone], rig.Events);
        Assert.Contains("brief.pdf (quarantined)", Assert.Single(rig.Messages(LogLevel.Warning), m => m.StartsWith("Not done", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPass_RowLeftInProgressByAnInterruptedRun_ConvertsAgainUnderTheClaimedName()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        var claimed = rig.Clock.GetUtcNow();
        // The interrupted run had found the name taken and claimed the outputs under the short hash.
        rig.Ledger.Add(new LedgerEntry(key, "brief.pdf", $"brief-{key.Sha256[..8]}", DocumentStatus.InProgress, 1, 0, null, null, null, claimed, null));
        rig.Clock.Advance(TimeSpan.FromMinutes(5));

        var summary = await rig.RunPassAsync();

        Assert.Equal(1, summary.Converted);
        Assert.Equal(Path.Combine(rig.Output, $"brief-{key.Sha256[..8]}"), Assert.Single(rig.Converter.Calls).OutputStem);
        var row = rig.Ledger.Row(key);
        Assert.Equal((DocumentStatus.Converted, 2, rig.Clock.GetUtcNow()), (row.Status, row.Attempts, row.ClaimedAt));
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Archive));
        Assert.Equal([Converted, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_CopyOfADocumentStillInProgressUnderAnotherName_LeavesTheCopyForTheNextPass()
    {
        var key = rig.Drop("copy.pdf", "letter A");
        rig.Ledger.Add(new LedgerEntry(key, "original.pdf", "original", DocumentStatus.InProgress, 1, 0, null, null, null, rig.Clock.GetUtcNow(), null));

        var summary = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 0, 1, 0, 0), summary);
        Assert.Empty(rig.Converter.Calls);
        Assert.Equal((DocumentStatus.InProgress, 1), (rig.Ledger.Row(key).Status, rig.Ledger.Row(key).Attempts));
        Assert.Empty(rig.Ledger.Duplicates);
        Assert.Equal(["copy.pdf"], InboxRig.Files(rig.Inbox));
        Assert.Null(Assert.Single(rig.ClusterStore.Releases).Finished);
        Assert.Equal([StillWriting, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_RenamedCopyOfAConvertedDocument_RecordsADuplicateAndArchivesItWithoutConverting()
    {
        var key = rig.Drop("original.pdf", "letter A");
        await rig.RunPassAsync();
        rig.Drop("copy.pdf", "letter A");

        var summary = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 1, 0, 0, 0, 0), summary);
        Assert.Single(rig.Converter.Calls);
        Assert.Equal(["copy.pdf"], rig.Ledger.Duplicates);
        Assert.Equal("original.pdf", rig.Ledger.Row(key).File);
        Assert.Equal(["copy.pdf", "original.pdf"], InboxRig.Files(rig.Archive));
        Assert.Empty(InboxRig.Files(rig.Inbox));
        Assert.Equal([Converted, PassDone, Duplicate, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_CopyOfAFailedDocument_GoesToFailedWithTheRecordedError()
    {
        rig.Converter.Failing = FailureCode.Corrupt;
        rig.Drop("original.pdf", "not a letter");
        await rig.RunPassAsync();
        rig.Drop("copy.pdf", "not a letter");

        var summary = await rig.RunPassAsync();

        Assert.Equal(1, summary.Duplicates);
        Assert.Single(rig.Converter.Calls);
        Assert.Equal(["copy.error.json", "copy.pdf", "original.error.json", "original.pdf"], InboxRig.Files(rig.Failed));
        Assert.Contains($"\"code\": \"{FailureCode.Corrupt.ToCode()}\"", File.ReadAllText(Path.Combine(rig.Failed, "copy.error.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPass_KeptInputSeenAgain_IsUnchangedAndNotConvertedAgain()
    {
        using var keeping = new InboxRig(keepInputs: true);
        var key = keeping.Drop("brief.pdf", "letter A");
        await keeping.RunPassAsync();

        var summary = await keeping.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 1, 0, 0, 0), summary);
        Assert.Single(keeping.Converter.Calls);
        Assert.Empty(keeping.Ledger.Duplicates);
        Assert.Equal(["brief.pdf"], InboxRig.Files(keeping.Inbox));
        Assert.Empty(InboxRig.Files(keeping.Archive));
        Assert.Equal(DocumentStatus.Converted, keeping.Ledger.Row(key).Status);
        Assert.Equal([Converted, PassDone, Unchanged, PassDone], keeping.Events);
    }

    [Fact]
    public async Task RunPass_DocumentLeasedByAnotherNode_LeavesItUntilThatLeaseRunsOut()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        Assert.True(await rig.ClusterStore.TryLeaseAsync(key, "node-b", rig.Clock.GetUtcNow(), rig.Cluster.LeaseTime, CancellationToken.None));

        var leased = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 0, 0, 0, 0, Leased: 1), leased);
        Assert.Empty(rig.Converter.Calls);
        Assert.Empty(rig.Ledger.Rows);
        Assert.Empty(rig.ClusterStore.Releases);
        Assert.Empty(rig.Held.Snapshot());
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Inbox));

        // Node b died: its lease is not renewed and runs out.
        rig.Clock.Advance(rig.Cluster.LeaseTime + TimeSpan.FromSeconds(1));
        var taken = await rig.RunPassAsync();

        Assert.Equal(1, taken.Converted);
        Assert.Equal(InboxRig.Node, rig.ClusterStore.Holder(key));
        Assert.Equal([Leased, PassDone, Converted, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_NameTakenByOtherContent_KeepsBothUnderTheShortHash()
    {
        var first = rig.Drop("brief.pdf", "letter A");
        await rig.RunPassAsync();
        var second = rig.Drop("brief.pdf", "letter B, same name");

        var summary = await rig.RunPassAsync();

        Assert.Equal(1, summary.Converted);
        var renamed = $"brief-{second.Sha256[..8]}";
        Assert.Equal(Path.Combine(rig.Output, renamed), rig.Converter.Calls[^1].OutputStem);
        Assert.Equal(("brief", renamed), (rig.Ledger.Row(first).OutputStem, rig.Ledger.Row(second).OutputStem));
        // Ordinal order: '-' sorts before '.'.
        Assert.Equal([$"{renamed}.json", "brief.json"], InboxRig.Files(rig.Output));
        Assert.Equal([$"{renamed}.pdf", "brief.pdf"], InboxRig.Files(rig.Archive));
    }

    [Fact]
    public async Task RunPass_LeaseTakenOverDuringConversion_WarnsAndKeepsTheRecordedResult()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        IReadOnlyList<DocumentKey> heldDuring = [];
        rig.Converter.During = async _ =>
        {
            heldDuring = rig.Held.Snapshot();
            // No heartbeat renewed the lease (the database was gone, say) and node b took the document over.
            rig.Clock.Advance(rig.Cluster.LeaseTime + TimeSpan.FromSeconds(1));
            Assert.True(await rig.ClusterStore.TryLeaseAsync(key, "node-b", rig.Clock.GetUtcNow(), rig.Cluster.LeaseTime, CancellationToken.None));
        };

        var summary = await rig.RunPassAsync();

        Assert.Equal(1, summary.Converted);
        Assert.Equal([key], heldDuring);
        Assert.Equal(DocumentStatus.Converted, rig.Ledger.Row(key).Status);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Archive));
        Assert.Equal(new LeaseRelease(key, InboxRig.Node, DocumentStatus.Converted, Released: false), Assert.Single(rig.ClusterStore.Releases));
        Assert.Equal("node-b", rig.ClusterStore.Holder(key));
        // Not renewed any more: the heartbeat must not keep a lease this node no longer holds.
        Assert.Empty(rig.Held.Snapshot());
        Assert.Equal([Converted, LeaseLost, PassDone], rig.Events);
        Assert.Contains("brief.pdf lease expired before it was released", Assert.Single(rig.Messages(LogLevel.Warning)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPass_MoveToArchiveFails_LeavesInputInInboxAndNextPassMovesItWithoutConverting()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        // A folder where the archived input should go: the rename into place throws.
        var blocker = Directory.CreateDirectory(Path.Combine(rig.Archive, "brief.pdf"));
        File.WriteAllText(Path.Combine(blocker.FullName, "keep"), "");

        var failed = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 0, 0, 1, 0), failed);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal(DocumentStatus.Converted, rig.Ledger.Row(key).Status);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Inbox));
        Assert.Equal(["brief.pdf/keep"], InboxRig.Files(rig.Archive));
        Assert.Equal(new LeaseRelease(key, InboxRig.Node, null, Released: true), Assert.Single(rig.ClusterStore.Releases));
        Assert.Equal([NotProcessed, PassDone, NotDone], rig.Events);
        Assert.IsAssignableFrom<IOException>(rig.Log.Collector.GetSnapshot()[0].Exception);

        // The next pass comes too soon: the file waits its back-off.
        blocker.Delete(recursive: true);
        var tooSoon = await rig.RunPassAsync();
        Assert.Equal(new PassSummary(0, 0, 0, 0, 0, 0, 0, RetryLater: 1), tooSoon);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Inbox));

        rig.Clock.Advance(RetryBackoff.First);
        var settled = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 1, 0, 0, 0), settled);
        Assert.Single(rig.Converter.Calls);
        Assert.Empty(rig.Ledger.Duplicates);
        Assert.Empty(InboxRig.Files(rig.Inbox));
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Archive));
        Assert.Equal([NotProcessed, PassDone, NotDone, Waiting, PassDone, NotDone, Settled, PassDone], rig.Events);
    }

    [Fact]
    public async Task RunPass_OutputFolderChanged_WritesTheOutputsThereInTheSameLedgerRow()
    {
        using var keeping = new InboxRig(keepInputs: true);
        var key = keeping.Drop("2023/brief.pdf", "letter A");
        await keeping.RunPassAsync();
        var before = keeping.Output;
        keeping.Options.Output = Path.Combine(Path.GetDirectoryName(before)!, "output-2");

        var summary = await keeping.RunPassAsync();

        Assert.Equal(new PassSummary(1, 0, 0, 0, 0, 0, 0), summary);
        Assert.Equal(["2023/brief.json"], InboxRig.Files(keeping.Options.Output));
        Assert.Equal(["2023/brief.json"], InboxRig.Files(before));
        var row = Assert.Single(keeping.Ledger.Rows);
        Assert.Equal((key, DocumentStatus.Converted, 2, "2023/brief"), (row.Key, row.Status, row.Attempts, row.OutputStem));
        Assert.Equal(["2023/brief.pdf"], InboxRig.Files(keeping.Inbox));
        Assert.Equal([Converted, PassDone, ConvertedAgain, Converted, PassDone], keeping.Events);

        var third = await keeping.RunPassAsync();
        Assert.Equal(new PassSummary(0, 0, 0, 1, 0, 0, 0), third);
    }

    [Fact]
    public async Task RunPass_OutputDeletedOrFormatAdded_WritesTheMissingOutputsAgain()
    {
        using var keeping = new InboxRig(keepInputs: true);
        keeping.Options.Formats = "json";
        keeping.Drop("brief.pdf", "letter A");
        await keeping.RunPassAsync();

        File.Delete(Path.Combine(keeping.Output, "brief.json"));
        var afterDelete = await keeping.RunPassAsync();
        keeping.Options.Formats = "json,docx";
        var afterFormat = await keeping.RunPassAsync();

        Assert.Equal(1, afterDelete.Converted);
        Assert.Equal(1, afterFormat.Converted);
        Assert.Equal(["brief.docx", "brief.json"], InboxRig.Files(keeping.Output));
        Assert.Equal(3, Assert.Single(keeping.Ledger.Rows).Attempts);
        Assert.Equal(3, keeping.Converter.Calls.Count);
        Assert.Contains(keeping.Messages(LogLevel.Information), m => m.Contains("brief.docx", StringComparison.Ordinal) && m.Contains("converted again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPass_OutputFolderUnwritable_LeavesTheLetterInTheInboxUnquarantinedAndConvertsItOnceFixed()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        // A file where the output folder should be: nothing can be written below it.
        var blocker = rig.Options.Output;
        Directory.Delete(blocker);
        File.WriteAllText(blocker, "not a folder");

        var blocked = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 0, 0, 0, 0, RetryLater: 1), blocked);
        Assert.Equal(2, blocked.ExitCode);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Inbox));
        Assert.Empty(InboxRig.Files(rig.Failed));
        var row = rig.Ledger.Row(key);
        Assert.Equal((DocumentStatus.InProgress, FailureCode.IoError.ToCode()), (row.Status, row.Code));
        Assert.Null(Assert.Single(rig.ClusterStore.Releases).Finished);

        // Passes while the back-off runs do not try again; the first after it does.
        var waiting = await rig.RunPassAsync();
        Assert.Equal(1, waiting.RetryLater);
        Assert.Single(rig.Converter.Calls);

        File.Delete(blocker);
        Directory.CreateDirectory(blocker);
        rig.Clock.Advance(RetryBackoff.First);
        var fixedPass = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(1, 0, 0, 0, 0, 0, 0), fixedPass);
        Assert.Equal(0, fixedPass.ExitCode);
        Assert.Equal(["brief.json"], InboxRig.Files(rig.Output));
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Archive));
        Assert.Empty(InboxRig.Files(rig.Failed));
        Assert.Equal((DocumentStatus.Converted, 2, null), (rig.Ledger.Row(key).Status, rig.Ledger.Row(key).Attempts, rig.Ledger.Row(key).Code));
        Assert.Single(rig.Ledger.Rows);
        Assert.Equal([Deferred, PassDone, NotDone, Waiting, PassDone, NotDone, Converted, PassDone], rig.Events);
    }

    [Fact]
    public void RetryBackoff_RepeatedFailures_WaitsLongerEachTimeUpToTheLongest()
    {
        var backoff = new RetryBackoff(rig.Clock);

        var waits = Enumerable.Range(0, 10).Select(_ => backoff.Failed("brief.pdf")).ToList();

        Assert.Equal([30, 60, 120, 240, 480, 960, 1800, 1800, 1800, 1800], waits.Select(w => (int)w.TotalSeconds));
        Assert.False(backoff.IsDue("brief.pdf", out var due));
        Assert.Equal(rig.Clock.GetUtcNow() + RetryBackoff.Longest, due);
        backoff.Succeeded("brief.pdf");
        Assert.True(backoff.IsDue("brief.pdf", out _));
    }

    [Theory]
    [InlineData(FailureCode.Timeout)]
    [InlineData(FailureCode.IoError)]
    public async Task RunPass_ConversionFailsAfterTheJsonWasWritten_RemovesTheLoneJson(FailureCode code)
    {
        rig.Drop("brief.pdf", "letter A");
        rig.Converter.Failing = code;
        rig.Converter.WritesJsonBeforeFailing = true;

        await rig.RunPassAsync();

        Assert.Empty(InboxRig.Files(rig.Output));
    }

    [Fact]
    public async Task RunPass_RowQuarantinedAsIoErrorByAnEarlierVersion_ConvertsItAgainInThatRow()
    {
        using var keeping = new InboxRig(keepInputs: true);
        var key = keeping.Drop("brief.pdf", "letter A");
        keeping.Ledger.Add(new LedgerEntry(key, "brief.pdf", "brief", DocumentStatus.Failed, 1, 0, "io-error", "Permission denied", "io", keeping.Clock.GetUtcNow(), keeping.Clock.GetUtcNow()));

        var summary = await keeping.RunPassAsync();

        Assert.Equal(1, summary.Converted);
        Assert.Equal((DocumentStatus.Converted, 2), (keeping.Ledger.Row(key).Status, keeping.Ledger.Row(key).Attempts));
        Assert.Single(keeping.Ledger.Rows);
    }

    [Fact]
    public async Task RunPass_LongPass_LogsHowFarItIsEveryFewSeconds()
    {
        rig.Drop("a.pdf", "letter A");
        rig.Drop("b.pdf", "letter B");
        rig.Converter.During = call =>
        {
            if (call.Input.EndsWith("b.pdf", StringComparison.Ordinal))
            {
                rig.Clock.Advance(InboxProcessor.ProgressInterval);
            }

            return Task.CompletedTask;
        };

        await rig.RunPassAsync();

        var progress = rig.Log.Collector.GetSnapshot().Where(r => r.Id.Id == InboxRig.ProgressEvent).Select(r => r.Message).ToList();
        // The inbox is listed in the file system's order: b.pdf may come first or second.
        Assert.Matches(@"^Pass progress: [01] of 2 done; now b\.pdf$", Assert.Single(progress));
    }

    [Fact]
    public async Task RunPass_DatabaseUnavailable_LeavesTheFileInTheInboxAndTriesAgainAfterItsBackOff()
    {
        var key = rig.Drop("brief.pdf", "letter A");
        rig.Ledger.Unavailable = true;

        var down = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(0, 0, 0, 0, 0, 1, 0), down);
        Assert.Equal(2, down.ExitCode);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Inbox));
        Assert.Empty(InboxRig.Files(rig.Failed));
        Assert.Empty(rig.Converter.Calls);

        rig.Ledger.Unavailable = false;
        Assert.Equal(1, (await rig.RunPassAsync()).RetryLater);
        rig.Clock.Advance(RetryBackoff.First);
        var back = await rig.RunPassAsync();

        Assert.Equal(new PassSummary(1, 0, 0, 0, 0, 0, 0), back);
        Assert.Equal(DocumentStatus.Converted, rig.Ledger.Row(key).Status);
        Assert.Equal(["brief.pdf"], InboxRig.Files(rig.Archive));
    }
}
