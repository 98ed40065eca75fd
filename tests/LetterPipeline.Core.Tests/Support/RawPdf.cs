using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace LetterPipeline.Core.Tests.Support;

/// <summary>
/// Writes a PDF object by object, with a correct cross-reference table: for inputs no PDF library would write
/// (filter chains, deep trees, odd names) that PdfPig must still be able to open.
/// </summary>
internal sealed class RawPdf
{
    private readonly List<byte[]> bodies = [];

    /// <summary>Adds an object; returns its number.</summary>
    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    /// <summary>Adds an object from its bytes; returns its number.</summary>
    public int Add(byte[] body)
    {
        bodies.Add(body);
        return bodies.Count;
    }

    /// <summary>Reserves a number for an object written later with <see cref="Set"/>.</summary>
    public int Reserve() => Add(Array.Empty<byte>());

    public void Set(int number, string body) => bodies[number - 1] = Encoding.Latin1.GetBytes(body);

    /// <summary>Adds a stream: <paramref name="dictionary"/> without its /Length, which is added.</summary>
    public int Stream(string dictionary, byte[] data) =>
        Add(Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n").Concat(data).Concat("\nendstream"u8.ToArray()).ToArray());

    public byte[] Build(int root)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < bodies.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(bodies[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {bodies.Count + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.Latin1.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A one-page letter whose page content is <paramref name="content"/> under <paramref name="filter"/> (e.g. "/Filter /FlateDecode").</summary>
    public static byte[] Letter(string filter, byte[] content, string extraContentKeys = "")
    {
        var pdf = new RawPdf();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var contents = pdf.Stream($"{filter} {extraContentKeys}", content);
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }

    /// <summary>Page content that shows <paramref name="text"/>, padded with <paramref name="padding"/> spaces (a comment line) to make it large.</summary>
    public static byte[] Content(string text, int padding = 0) =>
        Encoding.Latin1.GetBytes($"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n%{new string(' ', padding)}\n");

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Hex(byte[] data) => Encoding.ASCII.GetBytes(Convert.ToHexString(data) + ">");
}
