using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using LetterPipeline.Settings;
using Microsoft.Extensions.Configuration;

namespace LetterPipeline.Commands;

/// <summary>
/// Adds the settings a command reads, with their defaults, to its <c>--help</c>: <c>run</c> lists every setting,
/// the commands that only read the database list <c>Storage</c>.
/// </summary>
internal static class SettingsHelp
{
    private static readonly Dictionary<Command, string[]> Registered = [];

    /// <summary>Marks <paramref name="command"/> as taking the settings of <paramref name="sections"/> (all when none are named).</summary>
    public static Command Register(Command command, params string[] sections)
    {
        lock (Registered)
        {
            Registered[command] = sections.Length == 0 ? [.. SettingsCatalog.Sections] : sections;
        }

        return command;
    }

    /// <summary>Wraps the standard help of <paramref name="root"/> and its subcommands.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithSettings((HelpAction)help.Action!);
    }

    /// <summary>The settings table: name, default (as the shipped appsettings.json or the code sets it), meaning.</summary>
    public static void Write(TextWriter output, IReadOnlyList<string> sections)
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).Build();
        var settings = SettingsCatalog.All.Where(s => sections.Contains(s.Section, StringComparer.Ordinal)).ToList();
        var rows = settings.Select(s => (Name: s.Name, Default: shipped[s.Name] ?? s.Default ?? "", s.Description)).ToList();
        var nameWidth = rows.Max(r => r.Name.Length) + 2;
        var defaultWidth = Math.Min(rows.Max(r => r.Default.Length), 32) + 2;
        output.WriteLine();
        output.WriteLine("Settings (--Section:Key=value after the command, environment Section__Key=value, or appsettings.json beside the program):");
        output.WriteLine($"  {"Setting".PadRight(nameWidth)}{"Default".PadRight(defaultWidth)}Meaning");
        foreach (var (name, value, description) in rows)
        {
            output.WriteLine($"  {name.PadRight(nameWidth)}{value.PadRight(defaultWidth)}{description}");
        }

        output.WriteLine();
        output.WriteLine("Durations take a unit (500ms, 60s, 5m, 2h) or are written hh:mm:ss; a bare number is refused.");
        output.WriteLine("An unknown setting or option stops the command with exit code 1, naming the nearest valid one.");
    }

    private sealed class WithSettings(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = standard.Invoke(parseResult);
            string[]? sections;
            lock (Registered)
            {
                Registered.TryGetValue(parseResult.CommandResult.Command, out sections);
            }

            if (sections is not null)
            {
                Write(parseResult.InvocationConfiguration.Output, sections);
            }

            return exit;
        }
    }
}
