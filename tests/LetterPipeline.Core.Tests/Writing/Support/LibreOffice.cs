using System.Diagnostics;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>Runs LibreOffice headless and poppler's pdftotext, the renderers records offices actually use besides Word.</summary>
internal static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string? Soffice { get; } = FindOnPath("soffice");

    public static string? PdfToText { get; } = FindOnPath("pdftotext");

    public static string? PdfToPpm { get; } = FindOnPath("pdftoppm");

    /// <summary>Why the LibreOffice tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        Soffice is null ? "soffice not found (apt-get install libreoffice-writer fonts-liberation2)"
        : PdfToText is null ? "pdftotext not found (apt-get install poppler-utils)"
        : null;

    /// <summary>Converts <paramref name="input"/> with <c>soffice --convert-to</c>; returns the path of the result in <paramref name="outDir"/>.</summary>
    public static string Convert(string input, string outDir, string format)
    {
        // Each call gets its own user profile: two soffice processes sharing one profile block or fail.
        var profile = Path.Combine(Path.GetTempPath(), "letterpipe-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(Soffice ?? throw new InvalidOperationException(Missing),
                $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + format.Split(':')[0]);
        Assert.True(File.Exists(output), $"soffice wrote no {output}");
        return output;
    }

    /// <summary>The text of each page of <paramref name="pdf"/>, in layout mode so list bullets stay on their item's line.</summary>
    public static IReadOnlyList<string> PageTexts(string pdf)
    {
        var text = Run(PdfToText ?? throw new InvalidOperationException(Missing), "-layout", "-enc", "UTF-8", pdf, "-");
        var pages = text.Split('\f');
        // pdftotext ends every page, the last one included, with a form feed.
        return pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
    }

    /// <summary>pdftotext's plain reading of <paramref name="pdf"/> (not the layout mode): its own reading order and word breaks.</summary>
    public static string PdfToTextRaw(string pdf) =>
        Run(PdfToText ?? throw new InvalidOperationException("pdftotext not found (apt-get install poppler-utils)"), "-enc", "UTF-8", pdf, "-");

    public static void RenderPng(string pdf, int page, int dpi, string pngWithoutExtension) =>
        Run(PdfToPpm ?? throw new InvalidOperationException("pdftoppm not found (apt-get install poppler-utils)"),
            "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, pngWithoutExtension);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Timeout}");
        }

        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs LibreOffice: skipped with the reason when it is not installed, except in CI
/// (CI=true), where a missing LibreOffice must fail the build instead of passing silently.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Missing is { } reason && !IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }

    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The theory form of <see cref="LibreOfficeFactAttribute"/>.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.Missing is { } reason && !LibreOfficeFactAttribute.IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }
}

/// <summary>A theory that needs poppler's pdftotext: skipped without it, a failure when CI=true.</summary>
public sealed class PdfToTextTheoryAttribute : TheoryAttribute
{
    public PdfToTextTheoryAttribute()
    {
        if (LibreOffice.PdfToText is null && !LibreOfficeFactAttribute.IsCi)
        {
            Skip = "pdftotext not found (apt-get install poppler-utils); set CI=true to make this a failure";
        }
    }
}
