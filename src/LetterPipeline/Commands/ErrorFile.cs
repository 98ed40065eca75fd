using System.Text.Json;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary>Writes <c>&lt;stem&gt;.error.json</c>: why an input could not be converted.</summary>
internal static class ErrorFile
{
    public static void Write(string path, ConversionOutcome outcome, int attempts) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("file", Path.GetFileName(outcome.Input));
            w.WriteString("code", outcome.Code?.ToCode());
            w.WriteString("message", outcome.Message);
            w.WriteString("stage", outcome.Stage);
            w.WriteString("time", TimeProvider.System.GetUtcNow());
            w.WriteNumber("attempts", attempts);
            w.WriteEndObject();
        });
}
