using System.CommandLine;
using LetterPipeline.Settings;

namespace LetterPipeline.Commands;

/// <summary>The configuration settings on a command's line (<c>--Pipeline:Inbox=…</c>), checked before any host reads them.</summary>
internal static class CommandSettings
{
    /// <summary>
    /// The settings among <paramref name="tokens"/> (the tokens <paramref name="result"/>'s command left unmatched), or
    /// null after writing each mistake to <paramref name="error"/>: an option the command does not have, a setting
    /// that does not exist, a stray word.
    /// </summary>
    public static string[]? Read(ParseResult result, IReadOnlyList<string> tokens, TextWriter error)
    {
        var command = result.CommandResult.Command;
        var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Append("--help");
        var read = SettingArguments.Parse(tokens, options);
        foreach (var mistake in read.Errors)
        {
            error.WriteLine($"letterpipe {UsageErrors.CommandPath(result)}: {mistake}");
        }

        return read.Errors.Count == 0 ? [.. read.Settings] : null;
    }

    public static string[]? Read(ParseResult result, TextWriter error) => Read(result, [.. result.UnmatchedTokens], error);

    /// <summary>Writes the configuration's mistakes as <c>run</c> reports them: "letterpipe: configuration error:" and one per line.</summary>
    public static void WriteErrors(IReadOnlyList<string> errors, TextWriter error) =>
        error.WriteLine($"letterpipe: configuration error:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
}
