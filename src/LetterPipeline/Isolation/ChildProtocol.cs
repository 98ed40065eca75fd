using System.Text.Json;
using System.Text.Json.Serialization;
using LetterPipeline.Core;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Isolation;

/// <summary>
/// One line from parent to child: convert <see cref="Input"/> into <see cref="OutputStem"/>.&lt;format&gt;, reading
/// scanned and garbled pages as <see cref="Ocr"/> says (null: OCR when the tools are installed).
/// </summary>
internal sealed record ChildRequest(string Input, string OutputStem, IReadOnlyList<string> Formats, long TimeoutMs, FileDurability Durability,
    OcrOptions? Ocr = null);

/// <summary>
/// One line from child to parent: the <see cref="ConversionOutcome"/> fields, the failure code as its kebab-case name;
/// <see cref="Exiting"/> when the child ends after this reply (its heap may be damaged after an OutOfMemoryException).
/// </summary>
internal sealed record ChildReply(
    string Input,
    bool Succeeded,
    int Pages,
    IReadOnlyList<string> Outputs,
    string? Code,
    string? Message,
    string? Stage,
    long Milliseconds,
    int Warnings,
    bool Exiting = false,
    IReadOnlyList<ChildWarning>? WarningList = null,
    IReadOnlyList<string>? Flags = null)
{
    public static ChildReply From(ConversionOutcome o, bool exiting) =>
        new(o.Input, o.Succeeded, o.Pages, o.Outputs, o.Code?.ToCode(), o.Message, o.Stage, o.Milliseconds, o.Warnings, exiting,
            o.WarningList.Select(w => new ChildWarning(w.Page, w.Code, w.Message)).ToArray(), o.Flags);

    public ConversionOutcome ToOutcome() =>
        new(Input, Succeeded, Pages, Outputs, Code is null ? null : FailureCodes.Parse(Code), Message, Stage, Milliseconds, Warnings)
        {
            WarningList = WarningList?.Select(w => new ParseWarning(w.Page, w.Message) { Code = w.Code }).ToArray() ?? [],
            Flags = Flags ?? [],
        };
}

/// <summary>A <see cref="ParseWarning"/> on the wire.</summary>
internal sealed record ChildWarning(int Page, string Code, string Message);

/// <summary>The JSON-lines wire format between <c>letterpipe</c> and <c>letterpipe child</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChildRequest))]
[JsonSerializable(typeof(ChildReply))]
internal sealed partial class ChildProtocol : JsonSerializerContext;
