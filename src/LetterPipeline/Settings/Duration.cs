using System.Globalization;
using System.Text.RegularExpressions;

namespace LetterPipeline.Settings;

/// <summary>
/// A duration as an operator writes it: a number with its unit (<c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>2h</c>,
/// <c>1d</c>) or a time of day's form (<c>00:01:00</c>, <c>1.00:00:00</c>). A bare number is refused: .NET would
/// read <c>60</c> as sixty days.
/// </summary>
internal static partial class Duration
{
    /// <summary>The duration in <paramref name="text"/>, or null with the reason in <paramref name="problem"/>.</summary>
    public static TimeSpan? Parse(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (WithUnit().Match(trimmed) is { Success: true } match)
        {
            var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value.ToLowerInvariant();
            var duration = unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" or "min" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return duration;
        }

        if (BareNumber().IsMatch(trimmed))
        {
            // Seconds are the likeliest meaning; the hh:mm:ss form shows it spelled out.
            var seconds = double.Parse(trimmed, CultureInfo.InvariantCulture);
            var spelled = seconds < TimeSpan.FromDays(1).TotalSeconds ? TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.FFF", CultureInfo.InvariantCulture).TrimEnd('.') : "d.hh:mm:ss";
            problem = $"'{trimmed}' has no unit; write {trimmed}s for seconds, {trimmed}m for minutes, or {spelled}";
            return null;
        }

        // hh:mm[:ss[.fff]] and d.hh:mm:ss: the forms appsettings.json has always used.
        if (trimmed.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var clock) && clock >= TimeSpan.Zero)
        {
            return clock;
        }

        problem = $"'{text}' is not a duration; write it as 60s, 5m, 2h or 00:01:00";
        return null;
    }

    /// <summary>The shortest unit form of <paramref name="duration"/>: 60s → "1m", 2.5 s → "2500ms".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        (long Ticks, string Unit)[] units = [(TimeSpan.TicksPerDay, "d"), (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"), (TimeSpan.TicksPerSecond, "s")];
        foreach (var (ticks, unit) in units)
        {
            if (duration.Ticks % ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / ticks}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+(\.[0-9]+)?)\s*(?<unit>ms|s|min|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnit();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();
}
