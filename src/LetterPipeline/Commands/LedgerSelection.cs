using System.CommandLine;
using LetterPipeline.Storage;
using LetterPipeline.Worker;

namespace LetterPipeline.Commands;

/// <summary>
/// The ledger rows a command line names, for <c>retry</c> and <c>reconvert</c>: a file on disk (matched by its
/// content), or the name the ledger records (<c>2023/brief.pdf</c>, <c>brief.pdf</c> or <c>brief</c>).
/// </summary>
internal static class LedgerSelection
{
    /// <summary>The rows <paramref name="name"/> stands for; empty when none.</summary>
    public static IReadOnlyList<LedgerEntry> Match(IReadOnlyList<LedgerEntry> rows, string name)
    {
        if (File.Exists(name))
        {
            var sha = ContentHash.Sha256(name);
            return [.. rows.Where(r => r.Key.Sha256 == sha)];
        }

        var wanted = name.Replace('\\', '/');
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            var matches = rows.Where(r => string.Equals(r.File, wanted, comparison)
                || string.Equals(Path.GetFileName(r.File), wanted, comparison)
                || string.Equals(Path.ChangeExtension(r.File, null), wanted, comparison)
                || string.Equals(Path.GetFileNameWithoutExtension(r.File), wanted, comparison)).ToList();
            if (matches.Count > 0)
            {
                return matches;
            }
        }

        return [];
    }

    /// <summary>
    /// A FILE… argument takes every word after the command, also <c>--Pipeline:…</c> settings given after the files:
    /// those are split off here and checked with the command's own unmatched tokens.
    /// </summary>
    public static (string[] Names, string[]? Settings) Split(ParseResult result, Argument<string[]> files, TextWriter error)
    {
        var words = result.GetValue(files) ?? [];
        var names = words.Where(w => !w.StartsWith('-')).ToArray();
        var settings = CommandSettings.Read(result, [.. result.UnmatchedTokens, .. words.Where(w => w.StartsWith('-'))], error);
        return (names, settings);
    }
}
