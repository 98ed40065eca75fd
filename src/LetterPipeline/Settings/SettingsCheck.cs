using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LetterPipeline.Settings;

/// <summary>What <see cref="SettingsCheck.Review"/> found: the mistakes, and durations rewritten in the form .NET binds.</summary>
internal sealed record SettingsReview(IReadOnlyList<string> Errors, IReadOnlyDictionary<string, string?> Normalised);

/// <summary>
/// Checks the whole configuration (appsettings.json, environment, command line) before anything binds it: a key in
/// one of the program's sections that no setting has, a section name one typo away from one of ours, and values
/// that are no number, no true/false or no duration, each with a message that names the setting.
/// </summary>
internal static class SettingsCheck
{
    public static SettingsReview Review(IConfiguration configuration)
    {
        var errors = new List<string>();
        var normalised = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase))
        {
            var parts = key.Split(':');
            if (parts.Length < 2 || string.Equals(parts[0], SettingsCatalog.Logging, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var section = SettingsCatalog.Sections.FirstOrDefault(s => string.Equals(s, parts[0], StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                // Someone else's setting (the environment holds many), unless it is one of ours misspelt.
                if (NearestName.Find(parts[0], [.. SettingsCatalog.Sections, SettingsCatalog.Logging]) is { } near)
                {
                    var meant = SettingsCatalog.Suggest($"{near}:{parts[1]}");
                    errors.Add($"unknown setting {key}: there is no section '{parts[0]}'; did you mean {meant?.Name ?? near}?");
                }

                continue;
            }

            var setting = SettingsCatalog.Find($"{parts[0]}:{parts[1]}");
            if (setting is null)
            {
                errors.Add(Unknown($"{parts[0]}:{parts[1]}"));
                continue;
            }

            if (parts.Length > 2)
            {
                errors.Add($"{key}: {setting.Name} is a single value, not a list or a section.");
                continue;
            }

            if (value is null)
            {
                continue;
            }

            var (ok, rewritten) = Check(setting, value, out var problem);
            if (!ok)
            {
                errors.Add($"{setting.Name}: {problem}{About(setting)}.");
            }
            else if (rewritten is not null)
            {
                normalised[key] = rewritten;
            }
        }

        return new SettingsReview([.. errors.Distinct(StringComparer.Ordinal)], normalised);
    }

    /// <summary>"unknown setting Pipeline:Inbx; did you mean Pipeline:Inbox?"</summary>
    public static string Unknown(string name) =>
        SettingsCatalog.Suggest(name) is { } meant
            ? $"unknown setting {name}; did you mean {meant.Name}?"
            : $"unknown setting {name}; 'letterpipe run --help' lists the settings.";

    private static (bool Ok, string? Rewritten) Check(Setting setting, string value, out string? problem)
    {
        problem = null;
        var type = Nullable.GetUnderlyingType(setting.Type) ?? setting.Type;
        if (type == typeof(TimeSpan))
        {
            var duration = Duration.Parse(value, out problem);
            return (duration is not null, duration?.ToString("c", CultureInfo.InvariantCulture));
        }

        if (type == typeof(int) && !int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            problem = $"'{value}' is not a whole number";
            return (false, null);
        }

        if (type == typeof(bool) && !bool.TryParse(value.Trim(), out _))
        {
            problem = $"'{value}' is neither true nor false";
            return (false, null);
        }

        return (true, null);
    }

    /// <summary>" (the time limit per document, 1s to 1h)": the setting's meaning, as its description says it.</summary>
    private static string About(Setting setting) =>
        setting.Description.Length == 0 ? "" : $" ({char.ToLowerInvariant(setting.Description[0])}{setting.Description[1..].TrimEnd('.')})";
}
