using LetterPipeline.Storage;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>What <see cref="QuarantineRelease"/> did with one failed document.</summary>
/// <param name="Inputs">The inputs moved back into the inbox (paths relative to it).</param>
/// <param name="InInbox">The inputs that never left the inbox (<c>Pipeline:KeepInputs</c>).</param>
internal sealed record Released(LedgerEntry Entry, IReadOnlyList<string> Inputs, IReadOnlyList<string> InInbox);

/// <summary>
/// <c>letterpipe retry</c>: gives a quarantined document another chance. Its ledger row (and its copies') is
/// forgotten first, then its inputs go back from the failed folder into the inbox, without their error files, so
/// the next pass takes them as new. In that order, a pass running meanwhile cannot quarantine them again from the
/// old row; interrupted in between, the input is still in the failed folder and <c>retry FILE</c> moves it.
/// </summary>
internal sealed class QuarantineRelease(IOptions<PipelineOptions> options, ILedger ledger, InputArchive archive)
{
    private PipelineOptions O => options.Value;

    public async Task<Released> ReleaseAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var names = new[] { entry.File }.Concat(await ledger.DuplicatesAsync(entry.Key, cancellationToken)).ToList();
        // An input left in the inbox (KeepInputs) stays where it is; otherwise it is in failed, or in archive when a
        // reconvert found it defective there.
        var inputs = InputLocator.Find(entry.Key.Sha256, names, O.Failed, O.Archive);
        var inInbox = InputLocator.Find(entry.Key.Sha256, names, O.Inbox).Select(i => i.Name).ToList();
        await ledger.ForgetAsync(entry.Key, cancellationToken);
        var moved = new List<string>();
        foreach (var (path, name) in inputs)
        {
            moved.Add(await MoveBackAsync(path, name, entry.Key.Sha256, cancellationToken));
        }

        foreach (var name in names)
        {
            // With KeepInputs the error file was written under failed, the input staying in the inbox.
            DeleteIfThere(Path.Combine(Path.GetFullPath(O.Failed), Path.ChangeExtension(name, null) + ".error.json"));
        }

        return new Released(entry, moved, inInbox);
    }

    /// <summary>A file under the failed folder with no ledger row (its row already forgotten): back into the inbox under its path there.</summary>
    public async Task<string> ReleaseFileAsync(string path, CancellationToken cancellationToken)
    {
        var failed = Path.GetFullPath(O.Failed);
        var name = Path.GetRelativePath(failed, Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');
        return await MoveBackAsync(Path.GetFullPath(path), name, ContentHash.Sha256(path), cancellationToken);
    }

    /// <summary>True when <paramref name="path"/> lies below the failed folder.</summary>
    public bool IsQuarantined(string path) =>
        Path.GetFullPath(path).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(O.Failed)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private async Task<string> MoveBackAsync(string path, string name, string sha256, CancellationToken cancellationToken)
    {
        var inbox = Path.GetFullPath(O.Inbox);
        var target = Path.Combine(inbox, name);
        if (File.Exists(target) && ContentHash.Sha256(target) != sha256)
        {
            // Another letter arrived under the name meanwhile: both stay.
            name = Commands.OutputStems.WithHash(Path.ChangeExtension(name, null), sha256) + Path.GetExtension(name);
            target = Path.Combine(inbox, name);
        }

        DeleteIfThere(Path.ChangeExtension(path, null) + ".error.json");
        if (File.Exists(target))
        {
            // The same content is in the inbox already: the quarantined copy is not needed.
            File.Delete(path);
        }
        else
        {
            await archive.MoveAsync(path, target, cancellationToken);
        }

        return name;
    }

    private static void DeleteIfThere(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
