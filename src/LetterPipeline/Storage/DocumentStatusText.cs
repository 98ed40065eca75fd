namespace LetterPipeline.Storage;

/// <summary>How a <see cref="DocumentStatus"/> is written in the ledger's and the lease table's status columns.</summary>
internal static class DocumentStatusText
{
    public const string InProgress = "in-progress";

    public const string Converted = "converted";

    public const string Failed = "failed";

    public static string Of(DocumentStatus status) => status switch
    {
        DocumentStatus.InProgress => InProgress,
        DocumentStatus.Converted => Converted,
        DocumentStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static DocumentStatus Parse(string status) => status switch
    {
        InProgress => DocumentStatus.InProgress,
        Converted => DocumentStatus.Converted,
        Failed => DocumentStatus.Failed,
        _ => throw new InvalidDataException($"Unknown ledger status '{status}'."),
    };
}
