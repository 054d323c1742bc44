using Tarn.Load.Baselines;

namespace Tarn.Load.Scenarios;

/// <summary>
/// Every scenario, modelled on <c>lakectl abuse</c> plus big objects and the S3 gateway, with its default sizes
/// (normal, and <c>--smoke</c>: seconds for the whole list) and the baselines it is naturally compared with.
/// </summary>
internal static class ScenarioCatalog
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;
    private const long GiB = 1024 * MiB;

    public static IReadOnlyList<ScenarioDescriptor> All { get; } =
    [
        new("random-read", "GET random objects by commit ID (T3)", new(60_000, 16, 4 * KiB, 1_000), new(40, 4, 4 * KiB, 20),
            [BaselineKind.BareGet], context => new RandomReadScenario(context)),
        new("random-write", "upload new objects to a branch (T2)", new(10_000, 16, 4 * KiB, 0), new(40, 4, 4 * KiB, 0),
            [BaselineKind.BarePut, BaselineKind.DiskFsync], context => new RandomWriteScenario(context)),
        new("create-branches", "create branches from main (T1)", new(10_000, 16, 4 * KiB, 100), new(40, 4, 4 * KiB, 5),
            [BaselineKind.SqliteInsert], context => new CreateBranchesScenario(context)),
        new("commit", "commit of one change on the worker's own branch; the upload before it is untimed (T6)", new(1_000, 16, 4 * KiB, 1_000), new(20, 4, 4 * KiB, 10),
            [BaselineKind.SqliteInsert], context => new CommitScenario(context)),
        new("merge", "concurrent merges of disjoint branches into main, failures counted (T9b)", new(320, 16, 4 * KiB, 100), new(16, 4, 4 * KiB, 5),
            [BaselineKind.SqliteInsert], context => new MergeScenario(context)),
        new("list", "listObjects with delimiter over up to 1,000 common prefixes (T5)", new(2_000, 16, 4 * KiB, 1_000), new(40, 4, 4 * KiB, 50),
            [BaselineKind.BareGet], context => new ListScenario(context)),
        new("link-same-object", "getPhysicalAddress + linkPhysicalAddress at one path, concurrently", new(10_000, 16, 4 * KiB, 1), new(40, 4, 4 * KiB, 1),
            [BaselineKind.SqliteInsert], context => new LinkSameObjectScenario(context)),
        new("metadata-read", "getBranch and statObject, alternating (T4)", new(100_000, 16, 4 * KiB, 1), new(40, 4, 4 * KiB, 1),
            [BaselineKind.BareGet], context => new MetadataReadScenario(context)),
        new("random-delete", "delete committed objects from a branch in random order", new(5_000, 16, 4 * KiB, 0), new(40, 4, 4 * KiB, 0),
            [BaselineKind.SqliteInsert], context => new RandomDeleteScenario(context)),
        new("big-get", "GET one big object by commit ID (T10)", new(3, 1, 1 * GiB, 1), new(2, 1, 4 * MiB, 1),
            [BaselineKind.StaticFile], context => new BigGetScenario(context)),
        new("big-put", "upload big objects streamed from a generator", new(3, 1, 1 * GiB, 0), new(2, 1, 4 * MiB, 0),
            [BaselineKind.BarePut, BaselineKind.DiskFsync], context => new BigPutScenario(context)),
        new("s3-get", "GetObject of random objects through the S3 gateway", new(10_000, 16, 4 * KiB, 1_000), new(40, 4, 4 * KiB, 20),
            [BaselineKind.BareGet], context => new S3GetScenario(context)),
        new("s3-put", "PutObject of new objects through the S3 gateway", new(10_000, 16, 4 * KiB, 0), new(40, 4, 4 * KiB, 0),
            [BaselineKind.BarePut, BaselineKind.DiskFsync], context => new S3PutScenario(context)),
    ];

    public static ScenarioDescriptor? Find(string name) =>
        All.FirstOrDefault(scenario => scenario.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
