namespace LetterPipeline.Core.Guards;

/// <summary>
/// Reads one PDF object from the tokens, without recursion (a hostile file nests as deep as it likes; PdfPig itself
/// stops at 256 levels and so does this reader, with <see cref="FailureCode.Corrupt"/>). Lenient like PdfPig: a
/// container left open by the object's end (<c>endobj</c>, <c>stream</c>, the next object's <c>obj</c>) is closed
/// there, and junk where a dictionary key belongs is skipped.
/// </summary>
internal static class RawValueReader
{
    /// <summary>PdfPig's own limit (<c>ParsingOptions.MaxStackDepth</c>).</summary>
    public const int MaxNesting = 256;

    /// <summary>The object at the tokenizer's position, or null when an object-ending keyword comes first; the tokenizer is left on the token after the object.</summary>
    /// <param name="tokens">The tokens, from the object's start.</param>
    /// <param name="open">Scratch space for the containers being read, empty; handed in so that one serves a whole file.</param>
    public static RawValue? Read(ref PdfTokenizer tokens, Stack<(RawValue Container, string? PendingKey)> open)
    {
        while (true)
        {
            var at = tokens.Position;
            var kind = tokens.Next();
            RawValue? value = null;
            switch (kind)
            {
                case PdfTokenKind.End:
                    return CloseAll(open);
                case PdfTokenKind.Keyword when EndsObject(ref tokens):
                    tokens.Position = at;
                    return CloseAll(open);
                case PdfTokenKind.ArrayStart or PdfTokenKind.DictionaryStart:
                    if (open.Count >= MaxNesting)
                    {
                        throw new LetterFormatException(FailureCode.Corrupt,
                            $"An object at byte {tokens.Start} nests arrays and dictionaries deeper than {MaxNesting} levels.", "guard");
                    }

                    open.Push((kind == PdfTokenKind.ArrayStart ? new RawArray([]) : new RawDictionary([]), null));
                    continue;
                case PdfTokenKind.ArrayEnd when open.Count > 0 && open.Peek().Container is RawArray:
                case PdfTokenKind.DictionaryEnd when open.Count > 0 && open.Peek().Container is RawDictionary:
                    value = open.Pop().Container;
                    break;
                case PdfTokenKind.ArrayEnd or PdfTokenKind.DictionaryEnd or PdfTokenKind.Junk:
                    // A stray closer or byte: skipped, as PdfPig's lenient parser does.
                    continue;
                case PdfTokenKind.Name:
                    if (open.Count > 0 && open.Peek() is { Container: RawDictionary, PendingKey: null } top)
                    {
                        open.Pop();
                        open.Push((top.Container, tokens.Name()));
                        continue;
                    }

                    value = new RawName(tokens.Name());
                    break;
                case PdfTokenKind.Integer:
                    value = IntegerOrReference(ref tokens);
                    break;
                default:
                    value = RawOther.Instance;
                    break;
            }

            if (open.Count == 0)
            {
                return value;
            }

            Add(open, value);
        }
    }

    /// <summary>Keywords that end an object: PdfPig reads no further either.</summary>
    private static bool EndsObject(ref PdfTokenizer tokens) =>
        tokens.IsKeyword("endobj"u8) || tokens.IsKeyword("stream"u8) || tokens.IsKeyword("endstream"u8) || tokens.IsKeyword("obj"u8)
        || tokens.IsKeyword("xref"u8) || tokens.IsKeyword("trailer"u8) || tokens.IsKeyword("startxref"u8);

    /// <summary>"12 0 R" is a reference; a lone integer is itself.</summary>
    private static RawValue IntegerOrReference(ref PdfTokenizer tokens)
    {
        var number = tokens.Integer;
        var after = tokens.Position;
        if (tokens.Next() == PdfTokenKind.Integer && tokens.Next() == PdfTokenKind.Keyword && tokens.IsKeyword("R"u8)
            && number is >= 0 and <= int.MaxValue)
        {
            return new RawReference((int)number);
        }

        tokens.Position = after;
        return RawInteger.Of(number);
    }

    private static void Add(Stack<(RawValue Container, string? PendingKey)> open, RawValue value)
    {
        var (container, key) = open.Pop();
        switch (container)
        {
            case RawArray array:
                array.Items.Add(value);
                break;
            case RawDictionary dictionary when key is not null:
                dictionary.Entries[key] = value;
                break;
            default:
                // A value where a key belongs (no name before it) is dropped.
                break;
        }

        open.Push((container, null));
    }

    private static RawValue? CloseAll(Stack<(RawValue Container, string? PendingKey)> open)
    {
        RawValue? value = null;
        while (open.Count > 0)
        {
            value = open.Pop().Container;
            if (open.Count > 0)
            {
                Add(open, value);
            }
        }

        return value;
    }
}
