using System.Text;

namespace LetterPipeline.Core.Tests.Support;

/// <summary>Encoders for the filters a test needs data for, beyond Flate (<see cref="RawPdf.Zlib"/>) and hex (<see cref="RawPdf.Hex"/>).</summary>
internal static class Encoders
{
    public static byte[] Ascii85(byte[] data)
    {
        var text = new StringBuilder();
        for (var i = 0; i < data.Length; i += 4)
        {
            var n = Math.Min(4, data.Length - i);
            uint value = 0;
            for (var j = 0; j < 4; j++)
            {
                value = (value << 8) | (j < n ? data[i + j] : 0u);
            }

            if (n == 4 && value == 0)
            {
                text.Append('z');
                continue;
            }

            var digits = new char[5];
            for (var j = 4; j >= 0; j--)
            {
                digits[j] = (char)('!' + (value % 85));
                value /= 85;
            }

            text.Append(digits, 0, n + 1);
        }

        return Encoding.ASCII.GetBytes(text.Append("~>").ToString());
    }

    /// <summary>Runs of one byte: 129–255 repeat the next byte 257 − length times; 128 ends.</summary>
    public static byte[] RunLengthZeros(int runs) => [.. Enumerable.Repeat(new byte[] { 129, 0 }, runs).SelectMany(r => r), 128];

    /// <summary>
    /// LZW codes that spell ever longer runs of zeros (0, then 258, 259, … each one zero longer than the last), with a
    /// clear code whenever the table is full: about 7 MB of zeros per 6 KB. Code widths as PdfPig reads them (EarlyChange 1).
    /// </summary>
    public static byte[] LzwZeros(int tables)
    {
        var bits = new BitWriter();
        for (var t = 0; t < tables; t++)
        {
            var width = 9;
            bits.Write(0, width);
            for (var code = 258; code < 4095; code++)
            {
                bits.Write(code, width);
                // After this code the table holds code + 1 entries; the width grows when PdfPig's does.
                var count = code + 1;
                width = count >= 2047 ? 12 : count >= 1023 ? 11 : count >= 511 ? 10 : 9;
            }

            bits.Write(256, width);
        }

        bits.Write(257, 9);
        return bits.ToArray();
    }

    private sealed class BitWriter
    {
        private readonly List<byte> bytes = [];
        private int buffer;
        private int count;

        public void Write(int code, int width)
        {
            buffer = (buffer << width) | code;
            count += width;
            while (count >= 8)
            {
                count -= 8;
                bytes.Add((byte)(buffer >> count));
                buffer &= (1 << count) - 1;
            }
        }

        public byte[] ToArray() => count == 0 ? [.. bytes] : [.. bytes, (byte)(buffer << (8 - count))];
    }
}
