using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing;

/// <summary>Writes a <see cref="Letter"/> in one output format.</summary>
public interface ILetterWriter
{
    /// <summary>The format name used on the command line and the file extension without dot ("json", "docx").</summary>
    string Format { get; }

    /// <summary>Writes <paramref name="letter"/> to <paramref name="destination"/>, which is left open.</summary>
    /// <param name="letter">The letter to write.</param>
    /// <param name="destination">Where to write.</param>
    void Write(Letter letter, Stream destination);
}
