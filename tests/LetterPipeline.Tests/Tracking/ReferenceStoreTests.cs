using LetterPipeline.Core.Model;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>Recording letters: idempotent per content and pipeline version, replaced whole on a new version.</summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed class ReferenceStoreTests(CorpusStores stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_SameContentAndVersionTwice_AddsNoRows(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var letter = SomeLetter.Citing("aaaa1111", new DateOnly(2023, 1, 10), "Kamerstuk 36 045, nr. 121.", "Kamerstukken 22 054 en 36 045, nr. 374.");

        Assert.True(await store.RecordAsync(letter, "v1", Now, default));
        Assert.False(await store.RecordAsync(letter, "v1", Now.AddHours(1), default));

        Assert.Single(await store.LettersAsync(default));
        Assert.Equal(["kst-36045-121", "kst-22054-374", "kst-36045-374"], (await store.CitationsAsync(null, default)).Select(c => c.Reference.Id));
        Assert.Equal(Now, (await store.LettersAsync(default))[0].ConvertedAt);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_NewPipelineVersion_ReplacesTheLettersReferences(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(SomeLetter.Citing("bbbb2222", new DateOnly(2023, 1, 10), "Kamerstuk 36 045, nr. 121.", "Kamerstuk 28 676, nr. 418."), "v1", Now, default);

        var changed = await store.RecordAsync(SomeLetter.Citing("bbbb2222", new DateOnly(2023, 1, 10), "Kamerstuk 36 045, nrs. 98 en 99."), "v2", Now.AddDays(1), default);

        Assert.True(changed);
        var letter = Assert.Single(await store.LettersAsync(default));
        Assert.Equal("v2", letter.PipelineVersion);
        Assert.Equal(2, letter.References);
        Assert.Equal(["kst-36045-98", "kst-36045-99"], (await store.CitationsAsync(null, default)).Select(c => c.Reference.Id));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_NewVersionFailingHalfway_LeavesThePreviousVersionWhole(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var first = SomeLetter.Citing("cccc3333", new DateOnly(2023, 1, 10), "Kamerstuk 36 045, nr. 121.", "Kamerstuk 28 676, nr. 418.");
        await store.RecordAsync(first, "v1", Now, default);
        // The second reference breaks a NOT NULL column, after the letter row and the first reference were written.
        var broken = first with
        {
            References = [first.References[0] with { Id = "kst-1-1" }, first.References[1] with { Number = null! }],
        };

        await Assert.ThrowsAnyAsync<Exception>(() => store.RecordAsync(broken, "v2", Now.AddDays(1), default));

        Assert.Equal("v1", Assert.Single(await store.LettersAsync(default)).PipelineVersion);
        Assert.Equal(["kst-36045-121", "kst-28676-418"], (await store.CitationsAsync(null, default)).Select(c => c.Reference.Id));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task NewInAsync_LaterLetter_ReturnsOnlyWhatNoEarlierLetterCited(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(SomeLetter.Citing("dddd0001", new DateOnly(2023, 1, 10), "Kamerstuk 36 045, nr. 121.", "Kamerstuk 28 676, nr. 418."), "v1", Now, default);
        // Same day and undated letters are not earlier; their citations do not count.
        await store.RecordAsync(SomeLetter.Citing("dddd0002", new DateOnly(2023, 2, 1), "Kamerstuk 36 045, nr. 130."), "v1", Now, default);
        await store.RecordAsync(SomeLetter.Citing("dddd0003", null, "Kamerstuk 36 045, nr. 140."), "v1", Now, default);
        var later = SomeLetter.Citing("dddd0004", new DateOnly(2023, 2, 1),
            "Kamerstuk 28 676, nr. 418.", "Kamerstuk 36 045, nr. 130.", "Kamerstuk 36 045, nr. 140.", "Kamerstuk 36 045, nr. 140.");
        await store.RecordAsync(later, "v1", Now, default);
        var target = Assert.Single(await store.FindLettersAsync("dddd0004", default));

        var fresh = await store.NewInAsync(target, default);

        Assert.Equal(["kst-36045-130", "kst-36045-140"], fresh.Select(c => c.Reference.Id));
        Assert.Equal("2", fresh[0].Reference.Footnote);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task FindLettersAsync_ShaPrefixFileStemOrKamerstukId_FindTheLetter(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var letter = SomeLetter.With("eeee5555ffff", "Brief", new DateOnly(2023, 3, 1), [], file: "in/brief_50%.pdf");
        await store.RecordAsync(letter, "v1", Now, default);
        await store.RecordAsync(SomeLetter.With("eeee6666ffff", "Andere", null, [], file: "in/brief_500.pdf"), "v1", Now, default);

        Assert.Single(await store.FindLettersAsync("eeee5555", default));
        Assert.Single(await store.FindLettersAsync("in/brief_50%.pdf", default));
        Assert.Single(await store.FindLettersAsync("in/brief_50%", default));
        Assert.Single(await store.FindLettersAsync(letter.Kamerstuk!.Id, default));
        Assert.Empty(await store.FindLettersAsync("eeee", default)); // too short a prefix to mean a SHA-256
        Assert.Empty(await store.FindLettersAsync("nothing", default));
    }
}
