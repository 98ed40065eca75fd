using Microsoft.Extensions.Logging;

namespace LetterPipeline.Worker;

/// <summary>
/// What the inbox pass logs, in one place so the event ids stay unique. The stages of a pass all log under the
/// <see cref="InboxProcessor"/> category, as the pass did before it was split into stages, so log filters keep working.
/// </summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{File} converted sha={Sha256} pages={Pages} ms={Milliseconds} warnings={Warnings} flags={Flags}")]
    public static partial void LogConverted(this ILogger logger, string file, string sha256, int pages, long milliseconds, int warnings, string flags);

    [LoggerMessage(EventId = 57, Level = LogLevel.Warning, Message = "{File} warning page={Page} {Code}: {Text}")]
    public static partial void LogConversionWarning(this ILogger logger, string file, int page, string code, string text);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{File} quarantined sha={Sha256} code={Code} ms={Milliseconds}: {Reason}")]
    public static partial void LogQuarantined(this ILogger logger, string file, string sha256, string code, string? reason, long milliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{File} duplicate sha={Sha256} of={Original} ms={Milliseconds}")]
    public static partial void LogDuplicate(this ILogger logger, string file, string sha256, string original, long milliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{File} unchanged sha={Sha256}")]
    public static partial void LogUnchanged(this ILogger logger, string file, string sha256);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{File} already recorded sha={Sha256}, moved to {Destination} ms={Milliseconds}")]
    public static partial void LogSettled(this ILogger logger, string file, string sha256, string destination, long milliseconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{File} still being written, left for the next pass")]
    public static partial void LogStillWriting(this ILogger logger, string file);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "{File} not processed, left in the inbox for the next pass")]
    public static partial void LogDocumentError(this ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "{File} leased by another node sha={Sha256}, left to it")]
    public static partial void LogLeased(this ILogger logger, string file, string sha256);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{File} lease expired before it was released sha={Sha256}: another node may have taken the document over")]
    public static partial void LogLeaseLost(this ILogger logger, string file, string sha256);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Pass done: {Converted} converted, {Quarantined} quarantined, {Duplicates} duplicates, {Unchanged} unchanged, {StillWriting} still being written, {Leased} leased by other nodes, {RetryLater} to retry later, {Errors} errors in {Milliseconds} ms")]
    public static partial void LogPass(this ILogger logger, int converted, int quarantined, int duplicates, int unchanged, int stillWriting, int leased, int retryLater, int errors, long milliseconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Pass interrupted by shutdown after {Converted} of {Ready} documents; the rest is left for the next run")]
    public static partial void LogPassInterrupted(this ILogger logger, int converted, int ready);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning,
        Message = "{File} not converted for a reason outside the letter, retried in {Wait} sha={Sha256} code={Code} ms={Milliseconds}: {Reason}")]
    public static partial void LogDeferred(this ILogger logger, string file, string sha256, string code, string? reason, long milliseconds, string wait);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "{File} failed for a reason outside the letter before; tried again after {Due}")]
    public static partial void LogWaiting(this ILogger logger, string file, DateTimeOffset due);

    [LoggerMessage(EventId = 53, Level = LogLevel.Information, Message = "{File} converted again sha={Sha256}: {Reason}")]
    public static partial void LogReconverting(this ILogger logger, string file, string sha256, string reason);

    [LoggerMessage(EventId = 54, Level = LogLevel.Information, Message = "Pass progress: {Progress}")]
    public static partial void LogPassProgress(this ILogger logger, string progress);

    [LoggerMessage(EventId = 55, Level = LogLevel.Warning, Message = "Not done in this pass: {Files}")]
    public static partial void LogNotDone(this ILogger logger, string files);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "{File} does not end like a complete PDF (no %%EOF); left in the inbox until it has not changed for {Grace}")]
    public static partial void LogIncomplete(this ILogger logger, string file, TimeSpan grace);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "{Link} is a symbolic link and is left alone: {Reason}")]
    public static partial void LogLinkSkipped(this ILogger logger, string link, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "{File} in {Folder} was left behind by an interrupted move or write; removed")]
    public static partial void LogLeftoverRemoved(this ILogger logger, string file, string folder);
}
