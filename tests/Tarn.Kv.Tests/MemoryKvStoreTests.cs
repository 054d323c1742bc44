namespace Tarn.Kv.Tests;

public sealed class MemoryKvStoreSmokeTests
{
    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        await using var store = new MemoryKvStore();
        await store.SetAsync("p", "k"u8.ToArray(), "v"u8.ToArray(), TestContext.Current.CancellationToken);
        var entry = await store.GetAsync("p", "k"u8.ToArray(), TestContext.Current.CancellationToken);
        Assert.Equal("v"u8.ToArray(), entry!.Value);
    }
}
