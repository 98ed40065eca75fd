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

    /// <summary>RunLengthDecode data of literal runs (a length byte 0–127, then that many plus one bytes), ended by 128.</summary>
    public static byte[] RunLength(byte[] data)
    {
        var output = new List<byte>(data.Length + (data.Length / 128) + 2);
        for (var i = 0; i < data.Length; i += 128)
        {
            var n = Math.Min(128, data.Length - i);
            output.Add((byte)(n - 1));
            output.AddRange(data.AsSpan(i, n));
        }

        output.Add(128);
        return [.. output];
    }

    /// <summary>LZWDecode data (EarlyChange 1) for any bytes: the textbook encoder, with code widths as PdfPig reads them.</summary>
    public static byte[] Lzw(byte[] data)
    {
        var bits = new BitWriter();
        var table = new Dictionary<(int Prefix, byte Next), int>();
        var emitted = 0;
        int Width() => emitted == 0 ? 9 : (258 + emitted - 1) switch { >= 2047 => 12, >= 1023 => 11, >= 511 => 10, _ => 9 };
        void Emit(int code)
        {
            bits.Write(code, Width());
            emitted++;
        }

        var current = -1;
        foreach (var b in data)
        {
            if (current < 0)
            {
                current = b;
            }
            else if (table.TryGetValue((current, b), out var longer))
            {
                current = longer;
            }
            else
            {
                Emit(current);
                table[(current, b)] = 258 + emitted - 1;
                current = b;
                if (258 + emitted >= 4000)
                {
                    Emit(current);
                    bits.Write(256, Width());
                    table.Clear();
                    emitted = 0;
                    current = -1;
                }
            }
        }

        if (current >= 0)
        {
            Emit(current);
        }

        bits.Write(257, Width());
        return bits.ToArray();
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
