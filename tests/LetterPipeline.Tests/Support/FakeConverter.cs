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
/// Stands in for the conversion pool: by default "converts" any input into a two-page letter, writing each of the
/// configured formats at the output stem (the letter's JSON for json, a stand-in for the rest), as a child process
/// would; like one, it reports an output it cannot write as <see cref="FailureCode.IoError"/>. <see cref="Failing"/>
/// makes it report a failure instead, after writing the JSON first when <see cref="WritesJsonBeforeFailing"/>;
/// <see cref="During"/> runs while a document is being converted.
/// </summary>
internal sealed class FakeConverter(Func<IReadOnlyList<string>> formats) : IDocumentConverter
{
    private readonly ConcurrentQueue<ConversionCall> calls = new();

    public IReadOnlyList<ConversionCall> Calls => [.. calls];

    /// <summary>When set, every document fails with this code.</summary>
    public FailureCode? Failing { get; set; }

    /// <summary>A failure that strikes after the JSON was written (the .docx ran out of time or space).</summary>
    public bool WritesJsonBeforeFailing { get; set; }

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

        try
        {
            if (Failing is { } code)
            {
                if (WritesJsonBeforeFailing)
                {
                    WriteJson(input, outputStem);
                }

                return ConversionOutcome.Failure(input, code, "no trailer found", "open", 3);
            }

            var outputs = new List<string>();
            foreach (var format in formats())
            {
                var path = $"{outputStem}.{format}";
                if (format == "json")
                {
                    WriteJson(input, outputStem);
                }
                else
                {
                    AtomicFile.Write(path, stream => stream.Write("PK"u8));
                }

                outputs.Add(path);
            }

            return ConversionOutcome.Success(input, 2, outputs, 7, Warnings.Count) with
            {
                WarningList = Warnings,
                Flags = Warnings.Select(w => w.Code).Distinct().ToArray(),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConversionOutcome.Failure(input, FailureCode.IoError, ex.Message, "io", 3);
        }
    }

    private static void WriteJson(string input, string outputStem)
    {
        var letter = SomeLetter.Citing(ContentHash.Sha256(input), new DateOnly(2023, 2, 14), "Kamerstuk 36 045, nr. 1");
        AtomicFile.Write(outputStem + ".json", stream => new JsonLetterWriter().Write(letter, stream));
    }
}
