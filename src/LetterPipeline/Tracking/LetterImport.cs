using System.Text.Json;
using LetterPipeline.Core.Reading;
using LetterPipeline.Worker;

namespace LetterPipeline.Tracking;

/// <summary>What <see cref="LetterImport"/> did: letters recorded or changed, already recorded, and files skipped with why.</summary>
internal sealed record ImportSummary(int Recorded, int Unchanged, IReadOnlyList<(string File, string Reason)> Skipped);

/// <summary>
/// Records letters converted earlier (by <c>convert</c>, or a worker whose store is gone) from their JSON outputs, by
/// the worker's rules: keyed by content SHA-256 and pipeline version, so importing twice changes nothing, and each
/// letter joins the group of its other versions. A letter's file is its path under the folder with the PDF's name,
/// which is the inbox path the worker records when the output folder mirrors the inbox.
/// </summary>
internal sealed class LetterImport(IReferenceStore store, TimeProvider clock)
{
    /// <summary>Records every <c>*.json</c> under <paramref name="folder"/>, skipping error files and JSON that is no letter.</summary>
    public async Task<ImportSummary> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var (recorded, unchanged) = (0, 0);
        var skipped = new List<(string, string)>();
        foreach (var json in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, json);
            if (json.EndsWith(".error.json", StringComparison.OrdinalIgnoreCase))
            {
                skipped.Add((relative, "an error file: its letter failed to convert"));
                continue;
            }

            try
            {
                if (await RecordAsync(folder, json, cancellationToken))
                {
                    recorded++;
                }
                else
                {
                    unchanged++;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                skipped.Add((relative, "not a letter: " + ex.Message));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                skipped.Add((relative, "unreadable: " + ex.Message));
            }
        }

        return new ImportSummary(recorded, unchanged, skipped);
    }

    /// <summary>
    /// Records the letter in <paramref name="json"/>, an output under <paramref name="root"/>; false when it was
    /// recorded already. Its file is the PDF's name in the JSON's folder relative to <paramref name="root"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is no letter of a schema version the reader knows.</exception>
    public Task<bool> RecordAsync(string root, string json, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetRelativePath(root, json)) ?? "";
        var letter = JsonLetterReader.Read(json);
        var file = folder.Length == 0 ? letter.Source.File : Path.Combine(folder, letter.Source.File);
        letter = letter with { Source = letter.Source with { File = file } };
        var docx = Path.ChangeExtension(json, ".docx");
        var outputs = new LetterOutputs(Path.GetFullPath(json), File.Exists(docx) ? Path.GetFullPath(docx) : null);
        return store.RecordAsync(letter, outputs, PipelineVersion.Current, clock.GetUtcNow(), cancellationToken);
    }
}
