using System.Security.Cryptography;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core;

/// <summary>
/// The library's front door: reads a Dutch parliamentary letter from a PDF into a <see cref="Letter"/>.
/// Write it with <see cref="LetterWriters.WriteJson"/> or <see cref="LetterWriters.WriteDocx"/>.
/// </summary>
/// <remarks>
/// Content problems (a footnote without a marker, …) never stop the reading: <see cref="Parse(byte[], LetterPdfOptions?)"/>
/// returns them as warnings. A file that cannot be read as a letter at all throws a <see cref="LetterFormatException"/>
/// whose <see cref="LetterFormatException.Code"/> says why. Safe to call from several threads at once.
/// </remarks>
public static class LetterPdf
{
    private static readonly LetterParser Parser = new();

    /// <summary>Reads the letter in <paramref name="pdf"/>.</summary>
    /// <param name="pdf">The bytes of a PDF file.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="LetterFormatException">The bytes are not a readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    public static Letter Read(byte[] pdf, LetterPdfOptions? options = null) => Parse(pdf, options).Letter;

    /// <summary>Reads the letter in <paramref name="pdf"/>, from its current position to its end.</summary>
    /// <param name="pdf">A stream holding a PDF file; it is read, not closed.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="LetterFormatException">The stream holds no readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    public static Letter Read(Stream pdf, LetterPdfOptions? options = null) => Parse(pdf, options).Letter;

    /// <summary>Reads the letter in the PDF file at <paramref name="path"/>; its file name is recorded unless <paramref name="options"/> names another.</summary>
    /// <param name="path">The path of a PDF file.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="LetterFormatException">The file is not a readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Letter Read(string path, LetterPdfOptions? options = null) => Parse(path, options).Letter;

    /// <summary>Reads the letter in <paramref name="pdf"/>, with the warnings about its content.</summary>
    /// <param name="pdf">The bytes of a PDF file.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter and its warnings.</returns>
    /// <exception cref="LetterFormatException">The bytes are not a readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    public static ParseResult Parse(byte[] pdf, LetterPdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        options ??= LetterPdfOptions.Default;
        var sha256 = options.Sha256 ?? Sha256Hex(pdf);
        options.Timings?.Lap(Stage.Read);
        return Parser.Parse(pdf, options.FileName ?? "", sha256, options.Timings, options.Limits, options.Ocr, options.CancellationToken);
    }

    /// <summary>Reads the letter in <paramref name="pdf"/>, from its current position to its end, with the warnings about its content.</summary>
    /// <param name="pdf">A stream holding a PDF file; it is read, not closed.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter and its warnings.</returns>
    /// <exception cref="LetterFormatException">The stream holds no readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    public static ParseResult Parse(Stream pdf, LetterPdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var bytes = new MemoryStream();
        pdf.CopyTo(bytes);
        return Parse(bytes.ToArray(), options);
    }

    /// <summary>Reads the letter in the PDF file at <paramref name="path"/>, with the warnings about its content.</summary>
    /// <param name="path">The path of a PDF file; its file name is recorded unless <paramref name="options"/> names another.</param>
    /// <param name="options">File name, hash, input limits and timings; all optional.</param>
    /// <returns>The letter and its warnings.</returns>
    /// <exception cref="LetterFormatException">The file is not a readable letter: not a PDF, encrypted, corrupt (and not repairable), too large, or without a text layer OCR could read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ParseResult Parse(string path, LetterPdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LetterPdfOptions.Default;
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, options.FileName is null ? options with { FileName = Path.GetFileName(path) } : options);
    }

    internal static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
