using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LetterPipeline.Tests;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("brief.pdf", "brief.pdf")]
    [InlineData("a\u001b[2Jb.pdf", "a\\u001B[2Jb.pdf")]
    [InlineData("bel\u0007.pdf", "bel\\u0007.pdf")]
    [InlineData("two\nlines.pdf", "two\\u000Alines.pdf")]
    [InlineData("csi\u009b.pdf", "csi\\u009B.pdf")]
    [InlineData("fdp.\u202Eexe.pdf", "fdp.\\u202Eexe.pdf")]
    [InlineData("één brief.pdf", "één brief.pdf")]
    public void Escape_Text_HasNoControlCharactersLeft(string text, string expected)
    {
        Assert.Equal(expected, LogText.Escape(text));
    }

    [Fact]
    public void Log_ValueWithEscapeSequence_ReachesTheConsoleEscapedInMessageStateAndException()
    {
        var recorded = new RecordingProvider();
        using var provider = new EscapingConsoleLoggerProvider(recorded);
        var logger = provider.CreateLogger("test");

        logger.LogQuarantined("evil\u001b]0;pwned\u0007.pdf", "abc", "corrupt", "bad", 3);
        logger.LogDocumentError(new IOException("cannot read /inbox/evil\u001b[2J.pdf"), "evil\u001b[2J.pdf");

        var all = string.Join("\n", recorded.Entries.Select(e => $"{e.Message} {string.Join(' ', e.State.Select(kv => kv.Value))} {e.Exception}"));
        Assert.DoesNotContain('\u001b', all);
        Assert.DoesNotContain('\u0007', all);
        Assert.Contains("evil\\u001B]0;pwned\\u0007.pdf quarantined", recorded.Entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("cannot read /inbox/evil\\u001B[2J.pdf", recorded.Entries[1].Exception, StringComparison.Ordinal);
        Assert.Equal(2, recorded.Entries[0].EventId);
    }

    [Fact]
    public void WorkerHost_ConsoleLogger_IsBehindTheEscapingOne()
    {
        using var host = WorkerHost.Build([], scheduled: false);

        var providers = host.Services.GetServices<ILoggerProvider>().ToList();

        Assert.Contains(providers, p => p is EscapingConsoleLoggerProvider);
        Assert.DoesNotContain(providers, p => p is ConsoleLoggerProvider);
    }

    private sealed record Entry(int EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, string? Exception);

    private sealed class RecordingProvider : ILoggerProvider, ILogger
    {
        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(eventId.Id, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], exception?.ToString()));

        public void Dispose()
        {
        }
    }
}
