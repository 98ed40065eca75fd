using System.Collections.Concurrent;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;
using LetterPipeline.Tests.Tracking;
using LetterPipeline.Worker;

namespace LetterPipeline.Tests.Support;

/// <summary>One <see cref="FakeConverter.ConvertAsync"/> call.</summary>
internal sealed record ConversionCall(string Input, string OutputStem);

/// <summary>
/// Stands in for the conversion pool: by default "converts" any input into a two-page letter's JSON at the output
/// stem, as a child process would. <see cref="Failing"/> makes it report a failure instead; <see cref="During"/>
/// runs while a document is being converted.
/// </summary>
internal sealed class FakeConverter : IDocumentConverter
{
    private readonly ConcurrentQueue<ConversionCall> calls = new();

    public IReadOnlyList<ConversionCall> Calls => [.. calls];

    /// <summary>When set, every document fails with this code.</summary>
    public FailureCode? Failing { get; set; }

    public Func<ConversionCall, Task>? During { get; set; }

    /// <summary>The warnings every converted letter reports.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; set; } = [];

    public async Task<ConversionOutcome> ConvertAsync(string input, string outputStem, CancellationToken cancellationToken)
    {
        var call = new ConversionCall(input, outputStem);
        calls.Enqueue(call);
        if (During is not null)
        {
            await During(call);
        }

        if (Failing is { } code)
        {
            return ConversionOutcome.Failure(input, code, "no trailer found", "open", 3);
        }

        var json = outputStem + ".json";
        var letter = SomeLetter.Citing(ContentHash.Sha256(input), new DateOnly(2023, 2, 14), "Kamerstuk 36 045, nr. 1");
        AtomicFile.Write(json, stream => new JsonLetterWriter().Write(letter, stream));
        return ConversionOutcome.Success(input, 2, [json], 7, Warnings.Count) with
        {
            WarningList = Warnings,
            Flags = Warnings.Select(w => w.Code).Distinct().ToArray(),
        };
    }
}
