using LetterPipeline.Worker;

namespace LetterPipeline.Tests.Cluster;

public sealed class KeyedGateTests
{
    [Fact]
    public async Task EnterAsync_SameKeyHeld_WaitsUntilTheHolderLeaves()
    {
        var gate = new KeyedGate<string>();
        var first = await gate.EnterAsync("a", CancellationToken.None);

        var second = gate.EnterAsync("a", CancellationToken.None);
        var other = gate.EnterAsync("b", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesTheKeyUsable()
    {
        var gate = new KeyedGate<string>();
        var holder = await gate.EnterAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("a", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        holder.Dispose();
        holder.Dispose();
        using var again = await gate.EnterAsync("a", CancellationToken.None);
        Assert.NotNull(again);
    }
}
