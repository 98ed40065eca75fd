using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe refs …</c>: the reference tools; <c>refs parse [TEXT]</c> reads citations from text.</summary>
internal static class RefsCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Same relaxed escaping as the letter JSON, so "–" and "ï" in the printed text stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The <c>refs</c> parent command; later reference tools add their subcommands here.</summary>
    public static Command Create()
    {
        var command = new Command("refs", "Reference tools: find and normalise citations of Kamerstukken, Handelingen and the official gazettes.");
        command.Subcommands.Add(CreateParse());
        foreach (var query in RefsQueryCommands.Create())
        {
            command.Subcommands.Add(query);
        }

        command.Subcommands.Add(RefsImportCommand.Create());
        return command;
    }

    private static Command CreateParse()
    {
        var text = new Argument<string?>("text")
        {
            Description = "The text to read. Without it, every line of standard input is read and one JSON array printed per line (JSON Lines).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("parse", "Print the references cited in TEXT as a JSON array.") { text };
        command.SetAction(result => Parse(result.GetValue(text), Console.In, Console.Out, Console.Error));
        return command;
    }

    /// <summary>
    /// Writes the JSON array for <paramref name="text"/>, or one array per line of <paramref name="input"/> when it is null;
    /// the citation reader's warnings (a range too wide to expand) go to <paramref name="error"/>.
    /// </summary>
    internal static int Parse(string? text, TextReader input, TextWriter output, TextWriter? error = null)
    {
        if (text is not null)
        {
            output.WriteLine(ToJson(text, error));
            return 0;
        }

        while (input.ReadLine() is { } line)
        {
            output.WriteLine(ToJson(line, error));
        }

        return 0;
    }

    private static string ToJson(string text, TextWriter? error)
    {
        var warnings = new List<string>();
        var references = CitationParser.Parse(text, null, warnings);
        foreach (var warning in warnings)
        {
            error?.WriteLine($"letterpipe: warning: {warning}");
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartArray();
            foreach (var reference in references)
            {
                JsonLetterWriter.WriteReference(w, reference);
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
