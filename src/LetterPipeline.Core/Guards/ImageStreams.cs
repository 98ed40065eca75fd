namespace LetterPipeline.Core.Guards;

/// <summary>
/// The image streams the guard need not decode: PdfPig decodes an image only when asked (the pipeline never asks),
/// but a stream that calls itself an image is decoded all the same when it is used as something else (page
/// content, a font, a colour space). So a stream is left out only when its own dictionary says /Subtype /Image at
/// the top level and every reference to it is an image's: an entry of an /XObject resource dictionary, or an /SMask
/// or /Mask.
/// </summary>
internal static class ImageStreams
{
    public static HashSet<int> NotDecoded(RawObjectIndex index)
    {
        var images = index.Streams.Where(s => s.Dictionary.NameOf("Subtype") == "Image").Select(s => s.Number).ToHashSet();
        if (images.Count == 0)
        {
            return images;
        }

        var uses = new List<Use>();
        var xObjectDictionaries = new HashSet<int>();
        var pending = new Stack<(RawValue Value, string? Key, string? ParentKey)>();
        foreach (var o in index.Objects)
        {
            Collect(o, images, pending, uses, xObjectDictionaries);
        }

        foreach (var use in uses)
        {
            // An /XObject entry may be a reference to the resource dictionary instead of the dictionary itself.
            var asImage = use.ParentKey == "XObject" || use.Key is "SMask" or "Mask"
                || (use.ParentKey is null && xObjectDictionaries.Contains(use.Container));
            if (!asImage)
            {
                images.Remove(use.Target);
            }
        }

        return images;
    }

    /// <summary>A reference to the image <see cref="Target"/> under <see cref="Key"/>, in a dictionary held under <see cref="ParentKey"/> (null at the top of object <see cref="Container"/>).</summary>
    private sealed record Use(int Target, string? Key, string? ParentKey, int Container);

    /// <summary>The references to images in <paramref name="o"/>, and the objects it names as /XObject dictionaries.</summary>
    private static void Collect(RawObject o, HashSet<int> images, Stack<(RawValue Value, string? Key, string? ParentKey)> pending, List<Use> uses, HashSet<int> xObjectDictionaries)
    {
        pending.Push((o.Value, null, null));
        while (pending.Count > 0)
        {
            var (current, key, parentKey) = pending.Pop();
            switch (current)
            {
                case RawReference reference:
                    if (key == "XObject")
                    {
                        xObjectDictionaries.Add(reference.Number);
                    }

                    if (images.Contains(reference.Number))
                    {
                        uses.Add(new Use(reference.Number, key, parentKey, o.Number));
                    }

                    break;
                case RawArray array:
                    foreach (var item in array.Items)
                    {
                        pending.Push((item, key, parentKey));
                    }

                    break;
                case RawDictionary dictionary:
                    foreach (var (entryKey, entry) in dictionary.Entries)
                    {
                        pending.Push((entry, entryKey, key));
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
