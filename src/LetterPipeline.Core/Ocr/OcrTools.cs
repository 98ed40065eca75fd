namespace LetterPipeline.Core.Ocr;

/// <summary>Whether the OCR tools are installed here, and with which Tesseract languages.</summary>
public static class OcrTools
{
    /// <summary>The Debian packages OCR needs, for messages.</summary>
    public const string Packages = "tesseract-ocr, tesseract-ocr-nld and poppler-utils";

    /// <summary>True when pdftoppm (poppler-utils) and tesseract (tesseract-ocr) are on the PATH.</summary>
    public static bool Installed => Tesseract.PdfToPpm.IsAvailable && Tesseract.Program.IsAvailable;

    /// <summary>The language models Tesseract has (<c>tesseract --list-langs</c>); empty when it is not installed.</summary>
    public static IReadOnlyList<string> Languages()
    {
        if (!Tesseract.Program.IsAvailable)
        {
            return [];
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var listed = Tesseract.Program.Run(["--list-langs"], limit.Token);
        // "List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):" then one code a line.
        return (listed.StandardOutput + "\n" + listed.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.Contains(' ', StringComparison.Ordinal) && l.Length > 0)
            .ToList();
    }

    /// <summary>What is wrong with <paramref name="options"/> on this machine, or nothing.</summary>
    public static IReadOnlyList<string> Problems(OcrOptions options)
    {
        if (options.Enabled == false)
        {
            return [];
        }

        if (!Installed)
        {
            return options.Enabled == true
                ? [$"Ocr:Enabled is true, but the OCR tools are not installed (Debian packages {Packages})."]
                : [];
        }

        var installed = Languages();
        return options.Languages.Split('+', StringSplitOptions.RemoveEmptyEntries)
            .Where(language => !installed.Contains(language))
            .Select(language => $"Ocr:Languages: Tesseract has no '{language}' model (Debian package tesseract-ocr-{language}).")
            .ToList();
    }
}
