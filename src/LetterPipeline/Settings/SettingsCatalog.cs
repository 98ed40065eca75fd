using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Storage;
using LetterPipeline.Worker;

namespace LetterPipeline.Settings;

/// <summary>One setting the program reads: <c>Section:Key</c>, its type, what it means and its default in code.</summary>
internal sealed record Setting(string Name, Type Type, string Description, string? Default)
{
    public string Section => Name[..Name.IndexOf(':', StringComparison.Ordinal)];

    public string Key => Name[(Name.IndexOf(':', StringComparison.Ordinal) + 1)..];
}

/// <summary>
/// Every setting of <c>run</c> and the commands that share its configuration, read off the options classes, so a
/// property added to one of them is a known setting at once. <c>Logging</c> is .NET's own section and open-ended:
/// any key below it is accepted.
/// </summary>
internal static class SettingsCatalog
{
    public const string Logging = "Logging";

    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (PipelineOptions.SectionName, typeof(PipelineOptions)),
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (ScheduleOptions.SectionName, typeof(ScheduleOptions)),
        (ClusterOptions.SectionName, typeof(ClusterOptions)),
        (OcrOptions.SectionName, typeof(OcrOptions)),
    ];

    public static IReadOnlyList<Setting> All { get; } = [.. OptionSections.SelectMany(s => Read(s.Section, s.Options))];

    /// <summary>The sections whose keys are checked; <see cref="Logging"/> is known but not checked.</summary>
    public static IReadOnlyList<string> Sections { get; } = [.. OptionSections.Select(s => s.Section)];

    public static Setting? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a key below <c>Logging</c>, which .NET's logging reads (levels per category, console formatter).</summary>
    public static bool IsLogging(string name) =>
        name.StartsWith(Logging + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>The setting <paramref name="typed"/> was probably meant to be: a near spelling, or the same key in another section.</summary>
    public static Setting? Suggest(string typed)
    {
        if (NearestName.Find(typed, All.Select(s => s.Name)) is { } near)
        {
            return Find(near);
        }

        var key = typed.Contains(':', StringComparison.Ordinal) ? typed[(typed.LastIndexOf(':') + 1)..] : typed;
        return NearestName.Find(key, All.Select(s => s.Key)) is { } nearKey
            ? All.First(s => string.Equals(s.Key, nearKey, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    private static IEnumerable<Setting> Read(string section, Type options)
    {
        var defaults = Activator.CreateInstance(options);
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
            var shown = property.GetCustomAttribute<DefaultValueAttribute>()?.Value?.ToString() ?? Show(property.GetValue(defaults));
            yield return new Setting($"{section}:{property.Name}", property.PropertyType, description, shown);
        }
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        TimeSpan duration => Duration.Format(duration),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
