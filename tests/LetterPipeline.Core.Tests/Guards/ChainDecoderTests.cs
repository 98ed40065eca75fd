using System.Text;
using LetterPipeline.Core.Guards;
using LetterPipeline.Core.Guards.Decoding;
using LetterPipeline.Core.Tests.Support;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace LetterPipeline.Core.Tests.Guards;

/// <summary>
/// The guard's streaming decoders put out exactly what PdfPig's filters do, on valid and on random input: what the
/// guard counts is what PdfPig would allocate. Inputs PdfPig refuses (it throws) are left out: there PdfPig keeps
/// nothing, while the guard has counted what came out before the error.
/// </summary>
public sealed class ChainDecoderTests
{
    private const int Inputs = 300;

    public static TheoryData<string> Filters => new() { "Flate", "LZW", "ASCII85", "ASCIIHex", "RunLength" };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Decode_RandomAndValidInput_PutsOutWhatPdfPigDoes(string filter)
    {
        var random = new Random(20);
        var compared = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = Input(filter, random);
            byte[] expected;
            try
            {
                expected = PdfPigFilter(filter).Decode(input.ToArray(), NoParameters, DefaultFilterProvider.Instance, 0).ToArray();
            }
#pragma warning disable CA1031 // PdfPig's filters throw whatever their code hits on bad input; such inputs are not compared.
            catch (Exception)
#pragma warning restore CA1031
            {
                continue;
            }

            Assert.Equal(expected, GuardDecode(filter, input));
            compared++;
        }

        Assert.True(compared > Inputs / 4, $"only {compared} of {Inputs} inputs decoded in PdfPig");
    }

    [Fact]
    public void Decode_FlateThatFails_HandsItsInputOn()
    {
        var text = Encoding.ASCII.GetBytes("BT /F1 12 Tf (not deflate data at all) Tj ET");

        Assert.Equal(text, GuardDecode("Flate", text));
    }

    private static readonly DictionaryToken NoParameters = new(new Dictionary<NameToken, IToken>());

    private static IFilter PdfPigFilter(string filter) => filter switch
    {
        "Flate" => new FlateFilter(),
        "LZW" => new LzwFilter(),
        "ASCII85" => new Ascii85Filter(),
        "ASCIIHex" => new AsciiHexDecodeFilter(),
        _ => new RunLengthFilter(),
    };

    private static byte[] GuardDecode(string filter, byte[] input)
    {
        var kind = filter switch
        {
            "Flate" => FilterKind.Flate,
            "LZW" => FilterKind.Lzw,
            "ASCII85" => FilterKind.Ascii85,
            "ASCIIHex" => FilterKind.AsciiHex,
            _ => FilterKind.RunLength,
        };
        var empty = new RawDictionary([]);
        using var output = new MemoryStream();
        ChainDecoder.Decode(input, new RawStream(1, empty, 0, input.Length), [new FilterStep(kind, empty)],
            new DecodeBudget(new PdfInputLimits(1L << 30, 1L << 30)), output);
        return output.ToArray();
    }

    private static byte[] Input(string filter, Random random)
    {
        var plain = new byte[random.Next(0, 3000)];
        random.NextBytes(plain);
        if (random.Next(3) == 0)
        {
            // Repetitive data, as text and fonts are, makes the encoders use their long codes.
            plain = [.. plain.Select(b => (byte)(b % 4))];
        }

        var valid = filter switch
        {
            "Flate" => RawPdf.Zlib(plain),
            "LZW" => Encoders.LzwZeros(random.Next(0, 2)),
            "ASCII85" => Encoders.Ascii85(plain),
            "ASCIIHex" => RawPdf.Hex(plain),
            _ => Encoders.RunLengthZeros(random.Next(0, 50)),
        };
        return random.Next(4) switch
        {
            0 => valid,
            1 => Flip(valid, random),
            2 => valid[..random.Next(0, valid.Length + 1)],
            _ => Noise(filter, random),
        };
    }

    private static byte[] Flip(byte[] data, Random random)
    {
        var copy = data.ToArray();
        for (var n = random.Next(1, 4); n > 0 && copy.Length > 0; n--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    /// <summary>Random bytes from the filter's own alphabet, with its special characters.</summary>
    private static byte[] Noise(string filter, Random random)
    {
        var alphabet = filter switch
        {
            "ASCII85" => "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstu z~>\r\n",
            "ASCIIHex" => "0123456789abcdefABCDEF \n\r\t<>g",
            _ => null,
        };
        var noise = new byte[random.Next(0, 2000)];
        random.NextBytes(noise);
        return alphabet is null ? noise : [.. noise.Select(b => (byte)alphabet[b % alphabet.Length])];
    }
}
