namespace Tarn.Kv.Tests;

/// <summary>The in-memory store against the shared contract.</summary>
public sealed class MemoryKvStoreTests : KvStoreContract
{
    protected override ValueTask<IKvStore> CreateStoreAsync() => ValueTask.FromResult<IKvStore>(new MemoryKvStore());
}
