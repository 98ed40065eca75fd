using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using LetterPipeline.Settings;

namespace LetterPipeline.Commands;

/// <summary>
/// Reports a command line the parser refused, in a line per mistake with the nearest valid name, instead of the
/// whole help and .NET's type names: "letterpipe convert: unknown option --outt; did you mean --out?".
/// </summary>
internal static partial class UsageErrors
{
    public static int Report(ParseResult result, TextWriter error)
    {
        var path = CommandPath(result);
        var command = result.CommandResult.Command;
        // A mistyped option before a list argument is taken as one of its values ("convert in --outt x" reads
        // "--outt" as an input): name it, or the only complaint is the option that is then missing.
        var strays = result.Tokens.Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal)).Select(t => UnknownOption(t.Value, command));
        foreach (var message in strays.Concat(result.Errors.Select(e => Describe(e.Message, command))).Distinct(StringComparer.Ordinal))
        {
            error.WriteLine($"letterpipe{(path.Length == 0 ? "" : " " + path)}: {message}");
        }

        error.WriteLine($"See 'letterpipe{(path.Length == 0 ? "" : " " + path)} --help'.");
        return 1;
    }

    /// <summary>A token the parser took as an argument although it is a mistyped option (<c>convert a.pdf --outt x --out y</c>).</summary>
    public static int Report(string stray, Command command)
    {
        Console.Error.WriteLine($"letterpipe {command.Name}: {UnknownOption(stray, command)}");
        Console.Error.WriteLine($"See 'letterpipe {command.Name} --help'.");
        return 1;
    }

    /// <summary>"refs top": the command's names below the root.</summary>
    public static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? symbol = result.CommandResult; symbol is not null; symbol = symbol.Parent)
        {
            if (symbol is CommandResult { Command: not RootCommand } command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    /// <summary>"unknown option --outt; did you mean --out?", among <paramref name="command"/>'s options and subcommands.</summary>
    public static string UnknownOption(string token, Command command)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        var kind = token.StartsWith('-') ? "unknown option" : "unexpected argument";
        return NearestName.Find(token, names) is { } near ? $"{kind} {token}; did you mean {near}?" : $"{kind} {token}.";
    }

    private static string Describe(string message, Command command)
    {
        if (Unrecognized().Match(message) is { Success: true } unknown)
        {
            return UnknownOption(unknown.Groups["token"].Value, command);
        }

        // "Cannot parse argument 'abc' for option '--limit' as expected type 'System.Int32'.": the type in words.
        return TypeName().Replace(message, m => $": expected {Friendly(m.Groups["type"].Value)}.");
    }

    private static string Friendly(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("DateOnly", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal) => "a date (yyyy-MM-dd)",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ => "a different value",
    };

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@" as expected type '(?<type>[^']*)'\.?")]
    private static partial Regex TypeName();
}
