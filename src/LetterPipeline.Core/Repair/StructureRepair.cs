using LetterPipeline.Core.Guards;
using LetterPipeline.Core.Tools;

namespace LetterPipeline.Core.Repair;

/// <summary>
/// Rebuilds the structure of a PDF that PdfPig refuses (a cross-reference stream it cannot follow, broken offsets)
/// with qpdf, the standard repair tool: qpdf recovers damaged files and writes a plain cross-reference table.
/// </summary>
internal static class StructureRepair
{
    /// <summary>qpdf's exit code when it wrote the file but warned about what it repaired.</summary>
    private const int WrittenWithWarnings = 3;

    public static ExternalTool Qpdf { get; } = new("qpdf", "qpdf");

    /// <summary>
    /// Reads the file again after qpdf rebuilt it. A file qpdf cannot rebuild, or that is still unreadable afterwards,
    /// fails with <paramref name="failure"/>'s code and message, with a note saying why it was not repaired. The rebuilt
    /// file is held to the same <paramref name="limits"/> as the original.
    /// </summary>
    public static T Retry<T>(byte[] pdf, LetterFormatException failure, Func<byte[], T> readAgain, PdfInputLimits? limits, CancellationToken cancellationToken)
    {
        if (!Qpdf.IsAvailable)
        {
            throw WithNote(failure, $"It was not repaired: {Qpdf.Name} is not installed (Debian package {Qpdf.Package}).");
        }

        var repaired = Rewrite(pdf, cancellationToken)
            ?? throw WithNote(failure, "qpdf could not rebuild it either.");
        PdfInputGuard.Check(repaired, limits);
        try
        {
            return readAgain(repaired);
        }
        catch (LetterFormatException again) when (again.Code == FailureCode.Corrupt)
        {
            throw WithNote(failure, $"Rebuilt by qpdf, it is still unreadable: {again.Message}");
        }
    }

    /// <summary>
    /// The file rewritten by qpdf, or null when qpdf cannot make a PDF of it either (the file is truly broken).
    /// Throws <see cref="InvalidOperationException"/> when qpdf is not installed and
    /// <see cref="OperationCanceledException"/> when the document's time runs out.
    /// </summary>
    public static byte[]? Rewrite(byte[] pdf, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("letterpipe-repair-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            var output = Path.Combine(folder.FullName, "out.pdf");
            File.WriteAllBytes(input, pdf);
            // Object streams written out as plain objects: PdfPig's trouble is mostly with compressed cross-references.
            // Streams are copied as they are (decode-level none), so qpdf never inflates a bomb the guard let through.
            var result = Qpdf.Run(
                ["--object-streams=disable", "--decode-level=none", "--no-warn", input, output],
                cancellationToken);
            if ((result.ExitCode != 0 && result.ExitCode != WrittenWithWarnings) || !File.Exists(output))
            {
                return null;
            }

            var repaired = File.ReadAllBytes(output);
            return repaired.Length > 0 ? repaired : null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static LetterFormatException WithNote(LetterFormatException failure, string note) =>
        new(failure.Code, $"{failure.Message.TrimEnd('.', ' ')}. {note}", failure.Stage, failure.InnerException);
}
