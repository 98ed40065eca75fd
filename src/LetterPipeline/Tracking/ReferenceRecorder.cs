using LetterPipeline.Core;
using LetterPipeline.Core.Reading;
using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace LetterPipeline.Tracking;

/// <summary>
/// The worker's hook into the reference store: records a letter its child process has just converted. The parent
/// reads back the JSON the child wrote (a few kilobytes) instead of converting again or widening the child protocol.
/// </summary>
internal sealed partial class ReferenceRecorder(
    IReferenceStore store,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<ReferenceRecorder> logger)
{
    /// <summary>
    /// Records the letter behind <paramref name="outcome"/> under <paramref name="file"/> (its path in the inbox).
    /// Called before the ledger marks the document converted, so a crash in between reconverts and records again,
    /// which the store absorbs without duplicates.
    /// </summary>
    public async Task RecordAsync(ConversionOutcome outcome, string file, CancellationToken cancellationToken)
    {
        var json = outcome.Outputs.FirstOrDefault(o => o.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        if (json is null)
        {
            LogNoJson(file);
            return;
        }

        var letter = await io.ExecuteAsync(_ => ValueTask.FromResult(JsonLetterReader.Read(json)), cancellationToken);
        letter = letter with { Source = letter.Source with { File = file } };
        var docx = outcome.Outputs.FirstOrDefault(o => o.EndsWith(".docx", StringComparison.OrdinalIgnoreCase));
        var outputs = new LetterOutputs(Path.GetFullPath(json), docx is null ? null : Path.GetFullPath(docx));
        var changed = await io.ExecuteAsync(async ct => await store.RecordAsync(letter, outputs, PipelineVersion.Current, clock.GetUtcNow(), ct), cancellationToken);
        LogRecorded(file, letter.References.Count, changed);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "{File} references recorded: {References} (changed: {Changed})")]
    private partial void LogRecorded(string file, int references, bool changed);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{File} not in the reference store: Pipeline:Formats writes no json to read it from")]
    private partial void LogNoJson(string file);
}
