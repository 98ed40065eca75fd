using LetterPipeline.Commands;
using LetterPipeline.Core;
using LetterPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// Where an input goes once the ledger has recorded it (archive or failed, unless inputs stay in the inbox), the
/// <c>.error.json</c> beside a failed one, and the move that takes it there without ever losing it.
/// </summary>
internal sealed class InputArchive(IOptions<PipelineOptions> options, [FromKeyedServices(Resilience.Io)] ResiliencePipeline io)
{
    private PipelineOptions O => options.Value;

    /// <summary>
    /// Null when inputs stay in the inbox; otherwise the input's own name under archive or failed, or the name with
    /// the content's short hash when another file of that name is already there. A file with identical content may be replaced.
    /// </summary>
    public string? Destination(DocumentStatus status, InboxFile file, string sha)
    {
        if (O.KeepInputs)
        {
            return null;
        }

        var root = status == DocumentStatus.Converted ? O.Archive : O.Failed;
        var plain = OutputNames.Inside(root, file.Relative);
        if (!File.Exists(plain) || ContentHash.Sha256(plain) == sha)
        {
            return plain;
        }

        // The input's own name fits (it exists in the inbox); with the hash added it might not: the stem is bounded.
        var folder = Path.GetDirectoryName(file.Relative.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        var name = $"{OutputNames.Segment(Path.GetFileNameWithoutExtension(file.Relative))}-{sha[..8]}{Path.GetExtension(file.Relative)}";
        return OutputNames.Inside(root, Path.Combine(folder, name));
    }

    /// <summary>Writes why the input failed beside its <paramref name="destination"/>, or under failed when the input stays in the inbox.</summary>
    public async Task WriteErrorFileAsync(string? destination, InboxFile file, ConversionOutcome outcome, int attempts, CancellationToken cancellationToken)
    {
        var beside = destination ?? OutputNames.Inside(O.Failed, file.Relative);
        // "<name>.error.json" for the input's name; a name near the file system's limit gets a bounded stem.
        var path = Path.Combine(Path.GetDirectoryName(beside)!, OutputNames.Segment(Path.GetFileNameWithoutExtension(beside)) + ".error.json");
        await io.ExecuteAsync(_ => { ErrorFile.Write(path, outcome, attempts); return ValueTask.CompletedTask; }, cancellationToken);
    }

    /// <summary>
    /// Copies the input next to its destination under a temporary name, flushes, renames it into place, and only
    /// then deletes the original: interrupted anywhere, the input is still in the inbox or complete at its
    /// destination. A plain move is not enough: between Docker volumes it is a copy that can be cut short.
    /// </summary>
    public async Task MoveAsync(string source, string destination, CancellationToken cancellationToken) =>
        await io.ExecuteAsync(async ct =>
        {
            var directory = Path.GetDirectoryName(destination)!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, LeftoverFiles.MovingName(Path.GetFileName(destination)));
            try
            {
                await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
                await using (var to = new FileStream(temp, CopyOptions(source)))
                {
                    await from.CopyToAsync(to, ct);
                    to.Flush(flushToDisk: true);
                }

                File.Move(temp, destination, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }

            File.Delete(source);
        }, cancellationToken);

    /// <summary>
    /// The copy is created with the input's permissions (within the umask): a letter readable only by its owner in
    /// the inbox stays so in archive or failed.
    /// </summary>
    private static FileStreamOptions CopyOptions(string source)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 64 * 1024,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File.GetUnixFileMode(source);
        }

        return options;
    }
}
