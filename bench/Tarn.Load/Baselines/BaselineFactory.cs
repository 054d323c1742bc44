using Tarn.Load.Running;

namespace Tarn.Load.Baselines;

/// <summary>Builds the baseline workload of a kind with the scenario's object size and parallelism.</summary>
internal static class BaselineFactory
{
    public static IWorkload Create(BaselineKind kind, long objectSize, int parallelism) => kind switch
    {
        BaselineKind.BareGet or BaselineKind.BarePut or BaselineKind.StaticFile => new BareHttpBaseline(kind, objectSize, parallelism),
        BaselineKind.DiskFsync => new DiskFsyncBaseline(objectSize),
        BaselineKind.SqliteInsert => new SqliteInsertBaseline(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown baseline"),
    };
}
