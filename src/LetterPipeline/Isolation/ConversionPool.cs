using System.Collections.Concurrent;
using LetterPipeline.Core;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Isolation;

/// <summary>
/// How the pool runs its converter processes. <see cref="Durability"/>: whether each output is on disk when its
/// document's conversion returns (the worker's default) or the caller syncs the batch (<c>convert</c>).
/// <see cref="Ocr"/>: how the children read scanned and garbled pages (null: OCR when the tools are installed).
/// </summary>
internal sealed record ConversionPoolOptions(
    int Size,
    TimeSpan DocumentTimeout,
    int MemoryLimitMb,
    IReadOnlyList<string> Formats,
    FileDurability Durability = FileDurability.Immediate,
    OcrOptions? Ocr = null);

/// <summary>
/// Converts documents in up to <see cref="ConversionPoolOptions.Size"/> reusable child processes. A child that
/// times out or dies is replaced; only the document it was working on fails.
/// </summary>
internal sealed class ConversionPool(ConversionPoolOptions options) : IDocumentConverter, IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Size, options.Size);
    private readonly ConcurrentBag<ChildProcess> idle = [];
    private readonly ConcurrentDictionary<ChildProcess, byte> all = new();

    /// <summary>The live children's process ids (for tests and diagnostics).</summary>
    public IReadOnlyList<int> ChildProcessIds => all.Keys.Where(c => c.IsAlive).Select(c => c.ProcessId).ToArray();
    private bool disposed;

    /// <summary>
    /// Converts one file within <paramref name="timeout"/> (default: the pool's document timeout).
    /// <paramref name="cancellationToken"/> only cancels waiting for a free child: a document
    /// already handed to a child finishes or times out, so shutdown never leaves half-written outputs.
    /// </summary>
    public async Task<ConversionOutcome> ConvertAsync(string input, string outputStem, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? options.DocumentTimeout;
        await slots.WaitAsync(cancellationToken);
        ChildProcess? child = null;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!idle.TryTake(out child))
            {
                child = await ChildProcess.StartAsync(options.MemoryLimitMb);
                all[child] = 0;
            }

            var request = new ChildRequest(Path.GetFullPath(input), Path.GetFullPath(outputStem), options.Formats,
                (long)limit.TotalMilliseconds, options.Durability, options.Ocr);
            var outcome = await child.ConvertAsync(request, limit);
            // Disposal killed the child under this document: that says nothing about the document.
            if (disposed)
            {
                throw new OperationCanceledException("The conversion pool was shut down during this document.");
            }

            return outcome with { Input = input };
        }
        finally
        {
            if (child is not null)
            {
                if (child.IsAlive && !disposed)
                {
                    idle.Add(child);
                }
                else
                {
                    all.TryRemove(child, out _);
                    child.Dispose();
                }
            }

            slots.Release();
        }
    }

    Task<ConversionOutcome> IDocumentConverter.ConvertAsync(string input, string outputStem, CancellationToken cancellationToken) =>
        ConvertAsync(input, outputStem, cancellationToken);

    public void Dispose()
    {
        disposed = true;
        foreach (var child in all.Keys)
        {
            child.Dispose();
        }

        all.Clear();
    }
}
