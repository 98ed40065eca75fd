using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LetterPipeline;

/// <summary>
/// Text from outside (file names above all) made safe for a terminal or a log file: control characters (ESC, BEL,
/// CR, LF, …) and the Unicode controls that reorder text are written as \uXXXX, so a file named with an escape
/// sequence cannot recolour, retitle or rewrite the operator's terminal, nor forge a log line.
/// </summary>
internal static class LogText
{
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (Unsafe.Contains(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);
}

/// <summary>
/// The console logger, with every value of every message escaped by <see cref="LogText"/> before it is written:
/// the rendered message, the message's values (which the JSON formatter writes as properties) and the exception's
/// messages. One place for all log lines, whatever their call site.
/// </summary>
[ProviderAlias("Console")]
internal sealed class EscapingConsoleLoggerProvider(ILoggerProvider console) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new EscapingLogger(console.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (console as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => console.Dispose();

    /// <summary>Puts the console logger behind the escaping one in <paramref name="logging"/>'s providers.</summary>
    public static void Wrap(ILoggingBuilder logging)
    {
        var registered = logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
        foreach (var descriptor in registered)
        {
            logging.Services.Remove(descriptor);
        }

        if (registered.Count > 0)
        {
            logging.Services.AddSingleton<ILoggerProvider>(provider =>
                new EscapingConsoleLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(provider)));
        }
    }

    private sealed class EscapingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var escaped = new EscapedState(LogText.Escape(formatter(state, exception)), state as IEnumerable<KeyValuePair<string, object?>>);
            inner.Log(logLevel, eventId, escaped, exception is null ? null : new EscapedException(exception), static (s, _) => s.Message);
        }
    }

    /// <summary>The message's values with their text escaped; the template ("{OriginalFormat}") is ours and kept as it is.</summary>
    private sealed class EscapedState(string message, IEnumerable<KeyValuePair<string, object?>>? values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] values = values is null
            ? []
            : [.. values.Select(v => v.Key == "{OriginalFormat}" || v.Value is not (string or Exception or FileSystemInfo)
                ? v
                : new KeyValuePair<string, object?>(v.Key, LogText.Escape(v.Value.ToString() ?? "")))];

        public string Message { get; } = message;

        public int Count => values.Length;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }

    /// <summary>An exception as the console writes it (type, message, stack trace, inner exceptions), its messages escaped.</summary>
    private sealed class EscapedException(Exception original) : Exception(LogText.Escape(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => Describe(original);

        private static string Describe(Exception e)
        {
            var text = new StringBuilder($"{e.GetType()}: {LogText.Escape(e.Message)}");
            if (e.InnerException is { } inner)
            {
                text.Append(Environment.NewLine).Append(" ---> ").Append(Describe(inner))
                    .Append(Environment.NewLine).Append("   --- End of inner exception stack trace ---");
            }

            if (e.StackTrace is { } trace)
            {
                text.Append(Environment.NewLine).Append(trace);
            }

            return text.ToString();
        }
    }
}
