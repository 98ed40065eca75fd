using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing;

/// <summary>Writes a <see cref="Letter"/> in one output format.</summary>
public interface ILetterWriter
{
    /// <summary>The format name used on the command line and the file extension without dot ("json", "docx").</summary>
    string Format { get; }

    void Write(Letter letter, Stream destination);
}
