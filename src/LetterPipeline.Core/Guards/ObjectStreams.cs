using LetterPipeline.Core.Guards.Decoding;

namespace LetterPipeline.Core.Guards;

/// <summary>
/// Decodes the object streams (/Type /ObjStm) and adds their objects to the index: page-tree nodes, filter arrays
/// and lengths may live there. Their decoded bytes count against the limits like any stream's.
/// </summary>
internal static class ObjectStreams
{
    public static void Expand(byte[] pdf, RawObjectIndex index, DecodeBudget budget)
    {
        foreach (var stream in index.Streams.Where(IsObjectStream).ToList())
        {
            using var decoded = new MemoryStream();
            ChainDecoder.Decode(pdf, stream, FilterChain.Of(stream.Dictionary, index, stream.DataStart), budget, decoded);
            index.AddObjectStream(stream.Dictionary, decoded.GetBuffer().AsSpan(0, (int)decoded.Length));
        }
    }

    public static bool IsObjectStream(RawStream stream) => stream.Dictionary.NameOf("Type") == "ObjStm";
}
