using LetterPipeline.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace LetterPipeline.Tests;

/// <summary>
/// The io pipeline on a fake clock: Polly takes its <see cref="TimeProvider"/> from the container, so a back-off
/// lasts until the test moves the clock, and a call that is not retried has ended before the clock moves.
/// </summary>
public sealed class ResilienceTests : IDisposable
{
    // Longer than any back-off of the io pipeline (exponential from 200 ms, with jitter).
    private static readonly TimeSpan PastAnyBackOff = TimeSpan.FromMinutes(1);

    private readonly WatchedClock clock = new();
    private int attempts;

    public void Dispose() => clock.Dispose();

    [Fact]
    public async Task Io_FileLockedTwice_BacksOffAndSucceedsOnThirdAttempt()
    {
        var read = Io().ExecuteAsync(_ => ++attempts < 3 ? throw new IOException("The file is locked.") : ValueTask.FromResult("read")).AsTask();

        Assert.True(await WaitsForClockAsync(read));
        Assert.Equal(1, attempts);
        clock.Advance(PastAnyBackOff);
        Assert.True(await WaitsForClockAsync(read));
        Assert.Equal(2, attempts);
        clock.Advance(PastAnyBackOff);

        Assert.Equal("read", await read);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Io_FileThatStaysLocked_GivesUpAfterFourRetries()
    {
        var read = Io().ExecuteAsync<string>(_ => { attempts++; throw new IOException("The file is locked."); }).AsTask();
        for (var retry = 1; retry <= 4; retry++)
        {
            Assert.True(await WaitsForClockAsync(read), $"gave up after {attempts} attempts");
            clock.Advance(PastAnyBackOff);
        }

        Assert.False(await WaitsForClockAsync(read), "a fifth retry is waiting");
        await Assert.ThrowsAsync<IOException>(() => read);
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task Io_ParseErrorOrMissingFile_IsNotRetried()
    {
        var io = Io();

        var parse = io.ExecuteAsync(_ => { attempts++; throw new LetterFormatException(FailureCode.Corrupt, "bad xref"); }).AsTask();
        var missing = io.ExecuteAsync(_ => { attempts++; throw new FileNotFoundException("gone"); }).AsTask();

        // A retry would be waiting for the clock, which has not moved.
        Assert.True(parse.IsCompleted && missing.IsCompleted, "a retry is waiting");
        await Assert.ThrowsAsync<LetterFormatException>(() => parse);
        await Assert.ThrowsAsync<FileNotFoundException>(() => missing);
        Assert.Equal(2, attempts);
    }

    private ResiliencePipeline Io() =>
        new ServiceCollection().AddSingleton<TimeProvider>(clock).AddLetterResilience().BuildServiceProvider()
            .GetRequiredKeyedService<ResiliencePipeline>(Resilience.Io);

    /// <summary>
    /// True once the call waits for the clock (a back-off started), false when it ended instead. Polly resumes after a
    /// back-off on the thread pool, so the next attempt runs some time after the clock has moved.
    /// </summary>
    private async Task<bool> WaitsForClockAsync(Task call)
    {
        var waiting = clock.TimerStarted.WaitAsync();
        return await Task.WhenAny(waiting, call) == waiting;
    }

    /// <summary>A fake clock that says when someone starts waiting on it.</summary>
    private sealed class WatchedClock : FakeTimeProvider, IDisposable
    {
        public SemaphoreSlim TimerStarted { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerStarted.Release();
            return timer;
        }

        public void Dispose() => TimerStarted.Dispose();
    }
}
