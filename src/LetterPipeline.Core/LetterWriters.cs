using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core;

/// <summary>Writes a <see cref="Letter"/> in the library's output formats.</summary>
public static class LetterWriters
{
    private static readonly JsonLetterWriter Json = new();
    private static readonly WordLetterWriter Word = new();

    /// <summary>Writes <paramref name="letter"/> as the JSON contract (docs/letter.schema.json), UTF-8 and indented.</summary>
    /// <param name="letter">The letter to write.</param>
    /// <param name="destination">Where to write; left open.</param>
    public static void WriteJson(this Letter letter, Stream destination) => Json.Write(letter, destination);

    /// <summary>Writes <paramref name="letter"/> as a Word document: title and headings in Word's styles, real footnotes, linked references.</summary>
    /// <param name="letter">The letter to write.</param>
    /// <param name="destination">Where to write; left open. It need not be readable or seekable.</param>
    public static void WriteDocx(this Letter letter, Stream destination) => Word.Write(letter, destination);
}
