using System.Text;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using LetterPipeline.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace LetterPipeline.Tests.Support;

/// <summary>
/// The inbox pass in this process, wired as the worker wires it, on temporary folders, with the ledger, the cluster
/// store and the converter faked and time standing still until a test advances it. The io pipeline does not retry:
/// retries are <see cref="Resilience"/>'s business, tested on their own.
/// </summary>
internal sealed class InboxRig : IDisposable
{
    public const string Node = "node-a";

    private readonly TempDir root = new();

    public InboxRig(bool keepInputs = false)
    {
        Options = new PipelineOptions
        {
            Inbox = root.Sub("inbox"),
            Output = root.Sub("output"),
            Archive = root.Sub("archive"),
            Failed = root.Sub("failed"),
            KeepInputs = keepInputs,
            Parallelism = 1,
            // Zero: the scanner's settle wait would otherwise wait for fake time that never passes.
            SettleTime = TimeSpan.Zero,
            // The fake converter writes what is configured; one file per letter keeps the listings short.
            Formats = "json",
        };
        var pipeline = Microsoft.Extensions.Options.Options.Create(Options);
        var cluster = Microsoft.Extensions.Options.Options.Create(Cluster);
        var io = ResiliencePipeline.Empty;
        var archive = new InputArchive(pipeline, io);
        Backoff = new RetryBackoff(Clock);
        Converter = new FakeConverter(() => Options.FormatList);
        var recorder = new ReferenceRecorder(References, io, Clock, NullLogger<ReferenceRecorder>.Instance);
        var conversion = new DocumentConversion(pipeline, Converter, recorder, Ledger, archive, Backoff, io, Clock, Log);
        var known = new KnownDocumentSettler(Ledger, archive, io, Clock, Log);
        var claimer = new DocumentClaimer(pipeline, Ledger, conversion, known, io, Clock, Log);
        var lease = new DocumentLease(claimer, ClusterStore, Held, cluster, io, Clock, Log);
        Processor = new InboxProcessor(pipeline, new InboxScanner(pipeline, Clock, Log), lease, Backoff, io, Clock, Log, new LeftoverFiles(pipeline, Clock, Log));
    }

    public PipelineOptions Options { get; }

    public ClusterOptions Cluster { get; } = new() { NodeId = Node, LeaseTime = TimeSpan.FromSeconds(30) };

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public FakeLedger Ledger { get; } = new();

    public FakeClusterStore ClusterStore { get; } = new();

    public FakeConverter Converter { get; }

    public RetryBackoff Backoff { get; }

    public RecordingReferenceStore References { get; } = new();

    public HeldLeases Held { get; } = new();

    public FakeLogger<InboxProcessor> Log { get; } = new();

    public InboxProcessor Processor { get; }

    public string Inbox => Options.Inbox;

    public string Output => Options.Output;

    public string Archive => Options.Archive;

    public string Failed => Options.Failed;

    /// <summary>Puts a "PDF" with <paramref name="content"/> in the inbox at <paramref name="relative"/> and returns its document key.</summary>
    public DocumentKey Drop(string relative, string content)
    {
        var path = Path.Combine(Inbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes($"%PDF-1.4\n% {content}\n%%EOF\n"));
        return new DocumentKey(ContentHash.Sha256(path), PipelineVersion.Current);
    }

    public Task<PassSummary> RunPassAsync() => Processor.RunPassAsync(CancellationToken.None);

    /// <summary>
    /// The events logged so far, by id, in order, without the pass's progress lines (<see cref="InboxProcessor.ProgressInterval"/>),
    /// which a test that moves the clock during a pass would otherwise interleave.
    /// </summary>
    public IReadOnlyList<int> Events => [.. Log.Collector.GetSnapshot().Select(r => r.Id.Id).Where(id => id != ProgressEvent)];

    /// <summary>InboxLog's "Pass progress" event.</summary>
    public const int ProgressEvent = 54;

    public IReadOnlyList<string> Messages(LogLevel level) => [.. Log.Collector.GetSnapshot().Where(r => r.Level == level).Select(r => r.Message)];

    /// <summary>The files below <paramref name="folder"/>, as paths relative to it with '/' separators, in order.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    public void Dispose() => root.Dispose();
}
