namespace LetterPipeline.Core;

/// <summary>
/// The version of what a PDF converts to. Bump it in the change that alters any output (extraction, citations,
/// writers): the worker's ledger then converts every letter again. Unrelated changes keep it, so a deployment
/// does not reconvert an archive of hundreds of thousands of letters for nothing.
/// </summary>
public static class ConverterVersion
{
    public const string Current = "1.0";
}
