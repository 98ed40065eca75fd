using System.Collections.Concurrent;
using System.Security.Cryptography;
using LetterPipeline.Commands;
using LetterPipeline.Core;
using LetterPipeline.Isolation;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>What one pass over the inbox did.</summary>
internal sealed record PassSummary(int Converted, int Quarantined, int Duplicates, int Unchanged, int StillWriting, int Errors, long Milliseconds, int Leased = 0)
{
    /// <summary>0 when nothing was quarantined or left behind by an error, else 2.</summary>
    public int ExitCode => Quarantined > 0 || Errors > 0 ? 2 : 0;
}

/// <summary>
/// One pass over the inbox: each settled PDF is converted once per content and pipeline version, in a child
/// process, and leaves the inbox only after its outputs and ledger row are durable.
/// </summary>
internal sealed partial class InboxProcessor(
    IOptions<PipelineOptions> options,
    InboxScanner scanner,
    ILedger ledger,
    ConversionPool pool,
    ReferenceRecorder references,
    IClusterStore cluster,
    HeldLeases held,
    IOptions<ClusterOptions> clusterOptions,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    private enum Result
    {
        Converted,
        Quarantined,
        Duplicate,
        Unchanged,
        StillWriting,
        Error,
        Leased,
    }

    private readonly KeyedGate<DocumentKey> sameContent = new();

    private PipelineOptions O => options.Value;

    public async Task<PassSummary> RunPassAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var scan = await io.ExecuteAsync(async ct => await scanner.ScanAsync(ct), cancellationToken);
        foreach (var file in scan.StillWriting)
        {
            LogStillWriting(file.Relative);
        }

        var results = new ConcurrentQueue<Result>(scan.StillWriting.Select(_ => Result.StillWriting));
        try
        {
            await Parallel.ForEachAsync(scan.Ready, new ParallelOptions { MaxDegreeOfParallelism = O.Parallelism, CancellationToken = cancellationToken },
                async (file, ct) => results.Enqueue(await ProcessGuardedAsync(file, ct)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogPassInterrupted(results.Count(r => r == Result.Converted), scan.Ready.Count);
            throw;
        }

        var count = (Result r) => results.Count(x => x == r);
        var summary = new PassSummary(count(Result.Converted), count(Result.Quarantined), count(Result.Duplicate), count(Result.Unchanged),
            count(Result.StillWriting), count(Result.Error), (long)clock.GetElapsedTime(started).TotalMilliseconds, count(Result.Leased));
        LogPass(summary.Converted, summary.Quarantined, summary.Duplicates, summary.Unchanged, summary.StillWriting, summary.Leased, summary.Errors, summary.Milliseconds);
        return summary;
    }

    /// <summary>One file, as a job of the cluster hands it out: a file another node has already moved away is done.</summary>
    public async Task ProcessOneAsync(InboxFile file, CancellationToken cancellationToken)
    {
        if (File.Exists(file.FullPath))
        {
            await ProcessGuardedAsync(file, cancellationToken);
        }
    }

    private async Task<Result> ProcessGuardedAsync(InboxFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync(file, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An I/O or database failure on one file must not stop the pass; the file stays for the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDocumentError(ex, file.Relative);
            return Result.Error;
        }
    }

    private async Task<Result> ProcessAsync(InboxFile file, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var sha = await io.ExecuteAsync(async ct => await Sha256Async(file.FullPath, ct), cancellationToken);
        var key = new DocumentKey(sha, PipelineVersion.Current);
        var node = clusterOptions.Value.NodeId;
        using var turn = await sameContent.EnterAsync(key, cancellationToken);
        // Only the lease holder converts the document or moves its input: another node may be doing either right now.
        if (!await io.ExecuteAsync(async ct => await cluster.TryLeaseAsync(key, node, clock.GetUtcNow(), clusterOptions.Value.LeaseTime, ct), cancellationToken))
        {
            LogLeased(file.Relative, sha);
            return Result.Leased;
        }

        held.Add(key);
        var result = Result.Error;
        try
        {
            result = await ProcessLeasedAsync(file, key, started, cancellationToken);
            return result;
        }
        finally
        {
            DocumentStatus? finished = result switch { Result.Converted => DocumentStatus.Converted, Result.Quarantined => DocumentStatus.Failed, _ => null };
            try
            {
                if (!await io.ExecuteAsync(async ct => await cluster.ReleaseAsync(key, node, finished, clock.GetUtcNow(), ct), CancellationToken.None))
                {
                    LogLeaseLost(file.Relative, sha);
                }
            }
            finally
            {
                // Not renewed any more: a lease that could not be given back runs out on its own.
                held.Remove(key);
            }
        }
    }

    private async Task<Result> ProcessLeasedAsync(InboxFile file, DocumentKey key, long started, CancellationToken cancellationToken)
    {
        var sha = key.Sha256;
        var entry = await io.ExecuteAsync(async ct => await ledger.FindAsync(key, ct), cancellationToken);
        if (entry is null)
        {
            var stem = Path.ChangeExtension(file.Relative, null);
            if (await io.ExecuteAsync(async ct => await ledger.IsOutputStemTakenAsync(stem, key, ct), cancellationToken))
            {
                // Another letter already has this name (same name, new content): keep both outputs.
                stem = $"{stem}-{sha[..8]}";
            }

            // Not cancelled: a claim half made at shutdown would leave a row in progress for no reason.
            var (claimed, created) = await io.ExecuteAsync(async ct => await ledger.ClaimAsync(key, file.Relative, stem, clock.GetUtcNow(), ct), CancellationToken.None);
            if (created)
            {
                return await ConvertAsync(file, claimed, started);
            }

            entry = claimed;
        }

        if (entry.Status == DocumentStatus.InProgress)
        {
            if (entry.File != file.Relative)
            {
                // A copy of a document another file is converting in this pass: decide once that one is done.
                LogStillWriting(file.Relative);
                return Result.StillWriting;
            }

            // Left in progress by an interrupted run: its outputs may be partial or missing; convert again.
            var resumed = await io.ExecuteAsync(async ct => await ledger.ResumeAsync(key, clock.GetUtcNow(), ct), CancellationToken.None);
            return await ConvertAsync(file, resumed, started);
        }

        return await SettleKnownAsync(file, entry, started, cancellationToken);
    }

    /// <summary>
    /// A claimed document is in flight: it is converted, recorded and moved even if shutdown begins meanwhile,
    /// so no claim is left half done. The pool has a free child, since it is as large as the pass's parallelism.
    /// </summary>
    private async Task<Result> ConvertAsync(InboxFile file, LedgerEntry entry, long started)
    {
        var done = CancellationToken.None;
        var outcome = await pool.ConvertAsync(file.FullPath, Path.Combine(Path.GetFullPath(O.Output), entry.OutputStem), done);

        var status = outcome.Succeeded ? DocumentStatus.Converted : DocumentStatus.Failed;
        var destination = O.KeepInputs ? null : Destination(status, file, entry.Key.Sha256);
        if (!outcome.Succeeded)
        {
            var errorFile = ErrorFilePath(destination, file);
            await io.ExecuteAsync(_ => { ErrorFile.Write(errorFile, outcome, entry.Attempts); return ValueTask.CompletedTask; }, done);
        }

        if (outcome.Succeeded)
        {
            await references.RecordAsync(outcome, file.Relative, done);
        }

        var completion = new LedgerCompletion(status, outcome.Pages, outcome.Milliseconds, outcome.Code?.ToCode(), outcome.Message, outcome.Stage, clock.GetUtcNow());
        await io.ExecuteAsync(async ct => await ledger.CompleteAsync(entry.Key, completion, ct), done);
        if (destination is not null)
        {
            await MoveAsync(file.FullPath, destination, done);
        }

        var ms = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Succeeded)
        {
            LogConverted(file.Relative, entry.Key.Sha256, outcome.Pages, ms, outcome.Warnings);
            return Result.Converted;
        }

        LogQuarantined(file.Relative, entry.Key.Sha256, outcome.Code!.Value.ToCode(), outcome.Message, ms);
        return Result.Quarantined;
    }

    /// <summary>A file whose content the ledger already knows: the same file after an interruption, or a copy.</summary>
    private async Task<Result> SettleKnownAsync(InboxFile file, LedgerEntry entry, long started, CancellationToken cancellationToken)
    {
        // The same name is this document's own input, left behind by an interrupted run (or delivered again): finish its move.
        var sameFile = entry.File == file.Relative;
        var destination = O.KeepInputs ? null : Destination(entry.Status, file, entry.Key.Sha256);
        var newlyRecorded = !sameFile
            && await io.ExecuteAsync(async ct => await ledger.RecordDuplicateAsync(entry.Key, file.Relative, clock.GetUtcNow(), ct), cancellationToken);

        if (destination is not null)
        {
            if (entry.Status == DocumentStatus.Failed)
            {
                var outcome = ConversionOutcome.Failure(file.FullPath, FailureCodes.Parse(entry.Code ?? ""), entry.Message ?? "", entry.Stage ?? "", 0);
                var errorFile = ErrorFilePath(destination, file);
                await io.ExecuteAsync(_ => { ErrorFile.Write(errorFile, outcome, entry.Attempts); return ValueTask.CompletedTask; }, cancellationToken);
            }

            await MoveAsync(file.FullPath, destination, CancellationToken.None);
        }

        var ms = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        if (newlyRecorded)
        {
            LogDuplicate(file.Relative, entry.Key.Sha256, entry.File, ms);
            return Result.Duplicate;
        }

        if (destination is not null)
        {
            LogSettled(file.Relative, entry.Key.Sha256, destination, ms);
        }
        else
        {
            LogUnchanged(file.Relative, entry.Key.Sha256);
        }

        return Result.Unchanged;
    }

    /// <summary>
    /// Where the input goes: its own name under archive or failed, or with the content's short hash when another
    /// file of that name is already there. A file with identical content may be replaced.
    /// </summary>
    private string Destination(DocumentStatus status, InboxFile file, string sha)
    {
        var root = Path.GetFullPath(status == DocumentStatus.Converted ? O.Archive : O.Failed);
        var plain = Path.Combine(root, file.Relative);
        if (!File.Exists(plain) || Sha256Of(plain) == sha)
        {
            return plain;
        }

        return Path.Combine(root, $"{Path.ChangeExtension(file.Relative, null)}-{sha[..8]}{Path.GetExtension(file.Relative)}");
    }

    private string ErrorFilePath(string? destination, InboxFile file) =>
        Path.ChangeExtension(destination ?? Path.Combine(Path.GetFullPath(O.Failed), file.Relative), null) + ".error.json";

    /// <summary>
    /// Copies the input next to its destination under a temporary name, flushes, renames it into place, and only
    /// then deletes the original: interrupted anywhere, the input is still in the inbox or complete at its
    /// destination. A plain move is not enough: between Docker volumes it is a copy that can be cut short.
    /// </summary>
    private async Task MoveAsync(string source, string destination, CancellationToken cancellationToken) =>
        await io.ExecuteAsync(async ct =>
        {
            var directory = Path.GetDirectoryName(destination)!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.moving");
            try
            {
                await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
                await using (var to = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    await from.CopyToAsync(to, ct);
                    to.Flush(flushToDisk: true);
                }

                File.Move(temp, destination, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }

            File.Delete(source);
        }, cancellationToken);

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{File} converted sha={Sha256} pages={Pages} ms={Milliseconds} warnings={Warnings}")]
    private partial void LogConverted(string file, string sha256, int pages, long milliseconds, int warnings);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{File} quarantined sha={Sha256} code={Code} ms={Milliseconds}: {Reason}")]
    private partial void LogQuarantined(string file, string sha256, string code, string? reason, long milliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{File} duplicate sha={Sha256} of={Original} ms={Milliseconds}")]
    private partial void LogDuplicate(string file, string sha256, string original, long milliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{File} unchanged sha={Sha256}")]
    private partial void LogUnchanged(string file, string sha256);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{File} already recorded sha={Sha256}, moved to {Destination} ms={Milliseconds}")]
    private partial void LogSettled(string file, string sha256, string destination, long milliseconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{File} still being written, left for the next pass")]
    private partial void LogStillWriting(string file);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "{File} not processed, left in the inbox for the next pass")]
    private partial void LogDocumentError(Exception exception, string file);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "{File} leased by another node sha={Sha256}, left to it")]
    private partial void LogLeased(string file, string sha256);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{File} lease expired before it was released sha={Sha256}: another node may have taken the document over")]
    private partial void LogLeaseLost(string file, string sha256);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Pass done: {Converted} converted, {Quarantined} quarantined, {Duplicates} duplicates, {Unchanged} unchanged, {StillWriting} still being written, {Leased} leased by other nodes, {Errors} errors in {Milliseconds} ms")]
    private partial void LogPass(int converted, int quarantined, int duplicates, int unchanged, int stillWriting, int leased, int errors, long milliseconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Pass interrupted by shutdown after {Converted} of {Ready} documents; the rest is left for the next run")]
    private partial void LogPassInterrupted(int converted, int ready);
}
