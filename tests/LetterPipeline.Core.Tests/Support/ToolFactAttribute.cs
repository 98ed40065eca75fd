using LetterPipeline.Core.Tools;

namespace LetterPipeline.Core.Tests.Support;

/// <summary>
/// A fact that needs external programs (qpdf, pdftoppm, tesseract): skipped with the reason when one is missing,
/// except in CI (CI=true), where a missing tool must fail the build instead of passing silently.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        if (ToolCheck.Missing(tools) is { } reason && !ToolCheck.IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }
}

/// <summary>The theory form of <see cref="ToolFactAttribute"/>.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools)
    {
        if (ToolCheck.Missing(tools) is { } reason && !ToolCheck.IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }
}

internal static class ToolCheck
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which of <paramref name="tools"/> is not on the PATH, as a sentence, or null when all are.</summary>
    public static string? Missing(IEnumerable<string> tools)
    {
        var missing = tools.Where(t => !new ExternalTool(t, t).IsAvailable).ToArray();
        return missing.Length == 0 ? null : $"not installed: {string.Join(", ", missing)}";
    }
}
