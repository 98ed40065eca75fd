using System.Text.Json;

namespace LetterPipeline.Commands;

/// <summary>A job whose outputs got another name than its input's, and why; <c>convert</c>'s summary lists them.</summary>
internal sealed record OutputRename(string Input, string OutputStem, string Reason);

/// <summary>An input with the same content as another of the batch under the same output name: converted once.</summary>
internal sealed record IdenticalInput(string Input, string SameAs);

/// <summary>What <see cref="OutputStems.Assign"/> decided: the jobs to run, the renames and the identical copies.</summary>
internal sealed record OutputPlan(IReadOnlyList<ConversionJob> Jobs, IReadOnlyList<OutputRename> Renamed, IReadOnlyList<IdenticalInput> Identical);

/// <summary>
/// The one place that decides when an output name is taken by another letter, for <c>convert</c> and the worker
/// alike: the second letter gets <c>&lt;stem&gt;-&lt;first 8 hex of its SHA-256&gt;</c>. Stems are compared without
/// regard to case (<c>letter.pdf</c> and <c>letter.PDF</c>, <c>a/Brief.pdf</c> and <c>b/brief.pdf</c>), because
/// outputs are often read from a file system that ignores case. Any shortening or cleaning of odd names happens
/// before: this class only keeps distinct letters apart.
/// </summary>
internal static class OutputStems
{
    /// <summary>The stem of a letter whose plain stem belongs to another letter.</summary>
    public static string WithHash(string stem, string sha256) => $"{stem}-{sha256[..8]}";

    /// <summary>
    /// Gives every distinct letter of <paramref name="jobs"/> its own output stem. The plain stem stays with the
    /// letter whose outputs an earlier run left there (<paramref name="existingSha256"/>), else with the first
    /// input that wants it; other content gets the hashed stem; an input identical to one already planned under
    /// the same stem is not converted twice. Contents are hashed only where a stem is contested.
    /// </summary>
    /// <param name="sha256">The SHA-256 of an input file.</param>
    /// <param name="existingSha256">The SHA-256 recorded in the outputs already at a stem, "" when they cannot tell, null when there are none.</param>
    public static OutputPlan Assign(IReadOnlyList<ConversionJob> jobs, Func<string, string> sha256, Func<string, string?> existingSha256)
    {
        // By position: the same file named twice on the command line is two equal jobs.
        var planned = new Dictionary<int, ConversionJob>();
        var renamed = new List<OutputRename>();
        var identical = new List<IdenticalInput>();
        foreach (var group in jobs.Select((job, index) => (Job: job, Index: index)).GroupBy(j => j.Job.OutputStem, StringComparer.OrdinalIgnoreCase))
        {
            var members = group.ToList();
            var existing = existingSha256(members[0].Job.OutputStem);
            if (members.Count == 1 && existing is null)
            {
                planned[members[0].Index] = members[0].Job;
                continue;
            }

            // The plain stem's owner: the letter an earlier run left there; "" when its outputs cannot tell (they
            // keep the name, never overwritten); else the first input that wants it.
            var owner = existing;
            var taken = existing is null ? null : $"{Path.GetFileName(members[0].Job.OutputStem)}.json holds another letter";
            var firstBySha = new Dictionary<string, ConversionJob>(StringComparer.Ordinal);
            foreach (var (job, index) in members)
            {
                var sha = sha256(job.Input);
                if (firstBySha.TryGetValue(sha, out var first))
                {
                    identical.Add(new IdenticalInput(job.Input, first.Input));
                    continue;
                }

                owner ??= sha;
                firstBySha[sha] = job;
                if (sha == owner)
                {
                    planned[index] = job;
                    continue;
                }

                var moved = job with { OutputStem = WithHash(job.OutputStem, sha) };
                planned[index] = moved;
                renamed.Add(new OutputRename(job.Input, moved.OutputStem, taken ?? $"same name as {firstBySha[owner].Input}"));
            }
        }

        return new OutputPlan([.. planned.OrderBy(p => p.Key).Select(p => p.Value)], renamed, identical);
    }

    /// <summary>
    /// The SHA-256 the letter JSON at <paramref name="stemPath"/> records (<c>source.sha256</c>); "" when a JSON is
    /// there but says nothing readable; null when there is no JSON (a DOCX alone cannot tell, and is replaced).
    /// </summary>
    public static string? RecordedSha256(string stemPath)
    {
        var json = stemPath + ".json";
        if (!File.Exists(json))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(json);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.TryGetProperty("source", out var source) && source.TryGetProperty("sha256", out var sha)
                ? sha.GetString() ?? ""
                : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return "";
        }
    }
}
