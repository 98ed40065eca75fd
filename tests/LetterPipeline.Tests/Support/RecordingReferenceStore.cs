using LetterPipeline.Core.Model;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Support;

/// <summary>Keeps the letters the worker records; the queries of the <c>refs</c> commands are not the worker's.</summary>
internal sealed class RecordingReferenceStore : IReferenceStore
{
    private readonly Lock gate = new();
    private readonly List<Letter> letters = [];

    public IReadOnlyList<Letter> Letters
    {
        get
        {
            lock (gate)
            {
                return [.. letters];
            }
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> RecordAsync(Letter letter, LetterOutputs outputs, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            letters.Add(letter);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<StoredPaper>> PapersAsync(CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyDictionary<string, string>> DossierTitlesAsync(CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<StoredLetter>> FindLettersAsync(string key, CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<StoredLetter>> LettersAsync(CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<Citation>> CitationsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<Citation>> NewInAsync(StoredLetter letter, CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<DocumentCount>> DocumentsAsync(DocumentQuery query, CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<MonthCount>> MonthsAsync(string? dossier, CancellationToken cancellationToken) => throw NotTheWorkers();

    public Task<IReadOnlyList<DossierCount>> DossiersAsync(CancellationToken cancellationToken) => throw NotTheWorkers();

    private static NotSupportedException NotTheWorkers() => new("The inbox pass only records letters.");
}
