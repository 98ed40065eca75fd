using LetterPipeline.Core;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Worker;

/// <summary>Identifies the converter that produced an output; a document is converted again when this changes.</summary>
internal static class PipelineVersion
{
    public static string Current { get; } = $"{ConverterVersion.Current}/schema-{Letter.CurrentSchemaVersion}";
}
