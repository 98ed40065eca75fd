using System.Reflection;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Worker;

/// <summary>
/// Identifies the converter that produced an output: the Core assembly's version (with its commit, when built
/// from git) and the JSON contract version. A document is converted again when this changes.
/// </summary>
internal static class PipelineVersion
{
    public static string Current { get; } =
        $"{typeof(Letter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0"}/schema-{Letter.CurrentSchemaVersion}";
}
