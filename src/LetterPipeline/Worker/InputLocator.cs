using LetterPipeline.Commands;

namespace LetterPipeline.Worker;

/// <summary>
/// Finds a document's input where the worker may have left it: under one of its names (the ledger's file, or a
/// copy's) in the inbox, archive or failed folder, as it is or with the content's short hash that
/// <see cref="InputArchive"/> adds when the plain name is taken. Only a file with the document's content counts.
/// </summary>
internal static class InputLocator
{
    /// <param name="names">Paths relative to the inbox, as the ledger records them.</param>
    /// <param name="roots">The folders to look in, in order.</param>
    public static IReadOnlyList<(string Path, string Name)> Find(string sha256, IEnumerable<string> names, params string[] roots)
    {
        var found = new List<(string, string)>();
        foreach (var root in roots.Select(Path.GetFullPath))
        {
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                var hashed = OutputStems.WithHash(Path.ChangeExtension(name, null), sha256) + Path.GetExtension(name);
                foreach (var candidate in new[] { Path.Combine(root, name), Path.Combine(root, hashed) })
                {
                    if (File.Exists(candidate) && !found.Any(f => f.Item1 == candidate) && ContentHash.Sha256(candidate) == sha256)
                    {
                        found.Add((candidate, name));
                    }
                }
            }
        }

        return found;
    }
}
