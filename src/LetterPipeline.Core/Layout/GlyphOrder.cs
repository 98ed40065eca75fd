using System.Buffers;

namespace LetterPipeline.Core.Layout;

/// <summary>
/// Sorts glyphs by one coordinate, ties kept in content-stream order: the order is the same on every run and
/// platform, and sorting keys in a struct array spares a delegate call per comparison (sorting was a third of
/// the layout pass).
/// </summary>
internal static class GlyphOrder
{
    public static void Sort(List<Glyph> glyphs, Func<Glyph, double> coordinate, bool descending = false)
    {
        if (glyphs.Count < 2)
        {
            return;
        }

        var count = glyphs.Count;
        var keys = ArrayPool<Key>.Shared.Rent(count);
        var original = ArrayPool<Glyph>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            original[i] = glyphs[i];
            keys[i] = new Key(coordinate(original[i]), i, descending);
        }

        Array.Sort(keys, 0, count);
        for (var i = 0; i < count; i++)
        {
            glyphs[i] = original[keys[i].Index];
        }

        ArrayPool<Key>.Shared.Return(keys);
        ArrayPool<Glyph>.Shared.Return(original, clearArray: true);
    }

    private readonly record struct Key(double Value, int Index, bool Descending) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var byValue = Descending ? other.Value.CompareTo(Value) : Value.CompareTo(other.Value);
            return byValue != 0 ? byValue : Index.CompareTo(other.Index);
        }
    }
}
