namespace LetterPipeline.Settings;

/// <summary>What a command line's setting arguments came to: the settings for the host, or what was wrong with them.</summary>
internal sealed record SettingArgumentsResult(IReadOnlyList<string> Settings, IReadOnlyList<string> Errors);

/// <summary>
/// Reads the tokens a command leaves to the configuration (<c>--Pipeline:Inbox=/srv/in</c> or
/// <c>--Pipeline:Inbox /srv/in</c>). Everything else is a mistake: an option the command does not have
/// (<c>--onec</c>), a setting no section has (<c>--Pipeline:Inbx</c>), or a stray word; each gets the nearest
/// valid name.
/// </summary>
internal static class SettingArguments
{
    /// <param name="tokens">The tokens the command did not match itself.</param>
    /// <param name="options">The command's own options (<c>--once</c>, <c>--format</c>), for suggestions.</param>
    public static SettingArgumentsResult Parse(IReadOnlyList<string> tokens, IEnumerable<string> options)
    {
        var settings = new List<string>();
        var errors = new List<string>();
        var ownOptions = options.ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-'))
            {
                errors.Add($"unexpected argument '{token}'.");
                continue;
            }

            var body = token.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            if (!token.StartsWith("--", StringComparison.Ordinal) || !name.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(UnknownOption(token.Split('=')[0], ownOptions));
                continue;
            }

            string? value = equals < 0 ? null : body[(equals + 1)..];
            if (value is null && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = tokens[++i];
            }

            if (SettingsCatalog.Find(name) is null && !SettingsCatalog.IsLogging(name))
            {
                errors.Add(SettingsCheck.Unknown(name));
            }
            else if (value is null)
            {
                errors.Add($"--{name} needs a value (--{name}=…).");
            }
            else
            {
                settings.Add($"--{name}={value}");
            }
        }

        return new SettingArgumentsResult(settings, errors);
    }

    private static string UnknownOption(string option, IReadOnlyList<string> options)
    {
        var candidates = options.Concat(SettingsCatalog.All.Select(s => "--" + s.Name));
        // "--Inbox=…": a setting's key without its section.
        var near = NearestName.Find(option, candidates) ?? (SettingsCatalog.Suggest(option.TrimStart('-')) is { } setting ? "--" + setting.Name : null);
        return near is null ? $"unknown option {option}." : $"unknown option {option}; did you mean {near}?";
    }
}
