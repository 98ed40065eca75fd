using System.CommandLine;

namespace LetterPipeline.Commands;

/// <summary>The options several commands share, each defined and validated once.</summary>
internal static class CommandOptions
{
    /// <summary>An integer option that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max, string? unit = null, string? alias = null)
    {
        var option = alias is null ? new Option<int>(name) : new Option<int>(name, alias);
        option.Description = description;
        option.DefaultValueFactory = _ => defaultValue;
        // A parser rather than a validator: a validator reading a value that did not parse throws instead of reporting.
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            var text = result.Tokens[0].Value;
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                result.AddError($"{name} takes a whole number from {min} to {max}{(unit is null ? "" : " " + unit)}; got '{text}'.");
            }

            return value;
        };
        return option;
    }

    public static Option<int> Parallelism(string description) =>
        Bounded("--parallelism", description, Environment.ProcessorCount, 1, 256, alias: "-p");

    /// <summary><c>--format json,docx</c>: the output formats, validated against <see cref="OutputFormats"/>.</summary>
    public static Option<string> Formats(string description)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            DefaultValueFactory = _ => string.Join(',', OutputFormats.Default),
        };
        option.Validators.Add(result =>
        {
            var formats = OutputFormats.Parse(result.GetValueOrDefault<string>() ?? "", out var unknown);
            if (unknown.Count > 0 || formats.Count == 0)
            {
                result.AddError($"--format takes a comma-separated list of json, docx; got '{result.GetValueOrDefault<string>()}'.");
            }
        });
        return option;
    }
}
