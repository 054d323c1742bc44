using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Blocks.Memory;
using Tarn.Core;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>The one place that decides which block adapter serves <c>blockstore.type</c>.</summary>
internal static class BlockAdapterFactory
{
    public static IBlockAdapter Create(BlockstoreSettings blockstore, TimeProvider time) => blockstore.Type switch
    {
        BlockstoreType.Local => new LocalBlockAdapter(new LocalBlockstoreOptions(blockstore.Local.Path, blockstore.Local.AdvertisePreSigned)),
        BlockstoreType.Mem => new MemoryBlockAdapter(time),
        BlockstoreType.S3 => throw new TarnException(
            ErrorKind.NotImplemented, "blockstore.type: s3 is not available in this version of Tarn yet (use local or mem)"),
        _ => throw new InvalidOperationException("Unhandled blockstore.type " + blockstore.Type),
    };
}
