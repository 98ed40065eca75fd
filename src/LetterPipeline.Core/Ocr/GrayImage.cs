namespace LetterPipeline.Core.Ocr;

/// <summary>An 8-bit grey page image as pdftoppm writes it (binary PGM), for measuring ink where OCR gives no answer.</summary>
internal sealed class GrayImage
{
    /// <summary>Below this grey value a pixel is ink.</summary>
    private const byte InkThreshold = 128;

    private readonly byte[] file;
    private readonly int start;

    private GrayImage(int width, int height, byte[] file, int start)
    {
        Width = width;
        Height = height;
        this.file = file;
        this.start = start;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>True when the pixel is dark; false outside the image.</summary>
    public bool IsInk(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height && file[start + (y * Width) + x] < InkThreshold;

    /// <summary>The grey value of a pixel, white outside the image.</summary>
    public byte Gray(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height ? file[start + (y * Width) + x] : (byte)255;

    /// <summary>Reads a binary PGM (P5, maxval 255).</summary>
    /// <exception cref="InvalidDataException">The file is not an 8-bit binary PGM.</exception>
    public static GrayImage ReadPgm(byte[] file)
    {
        var at = 0;
        if (Token(file, ref at) != "P5")
        {
            throw new InvalidDataException("Not a binary PGM (P5) image.");
        }

        var width = int.Parse(Token(file, ref at), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(file, ref at), System.Globalization.CultureInfo.InvariantCulture);
        var maximum = int.Parse(Token(file, ref at), System.Globalization.CultureInfo.InvariantCulture);
        at++; // the single whitespace after the maximum value
        if (maximum != 255 || width <= 0 || height <= 0 || file.Length - at < (long)width * height)
        {
            throw new InvalidDataException($"Unsupported PGM: {width}x{height}, maximum {maximum}, {file.Length} bytes.");
        }

        return new GrayImage(width, height, file, at);
    }

    /// <summary>The next header token, skipping whitespace and '#' comments.</summary>
    private static string Token(byte[] file, ref int at)
    {
        while (at < file.Length && (char.IsWhiteSpace((char)file[at]) || file[at] == '#'))
        {
            if (file[at] == '#')
            {
                while (at < file.Length && file[at] != '\n')
                {
                    at++;
                }
            }
            else
            {
                at++;
            }
        }

        var start = at;
        while (at < file.Length && !char.IsWhiteSpace((char)file[at]))
        {
            at++;
        }

        return System.Text.Encoding.ASCII.GetString(file, start, at - start);
    }
}
