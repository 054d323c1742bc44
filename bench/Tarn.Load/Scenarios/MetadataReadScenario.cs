using Tarn.Load.Api;

namespace Tarn.Load.Scenarios;

/// <summary>Metadata reads: <c>getBranch</c> and <c>statObject</c> of a committed object on the branch, alternating (target T4).</summary>
internal sealed class MetadataReadScenario(ScenarioContext context) : ApiScenario(context)
{
    private const string ObjectPath = "stat/object";

    public override string Name => "metadata-read";

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        ReadAsync(Api, Repository, MainBranch, ObjectPath, operation, cancellationToken);

    /// <summary>Even operations read the branch, odd ones stat the object.</summary>
    public static Task ReadAsync(LakeFsClient api, string repository, string branch, string path, long operation, CancellationToken cancellationToken) =>
        operation % 2 == 0
            ? (Task)api.GetBranchAsync(repository, branch, cancellationToken)
            : api.StatObjectAsync(repository, branch, path, cancellationToken);

    protected override Task PrepareAsync(CancellationToken cancellationToken) =>
        UploadAndCommitAsync(1, _ => ObjectPath, Context.ObjectSize, cancellationToken);
}
