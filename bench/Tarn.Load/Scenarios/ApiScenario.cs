using Tarn.Load.Api;
using Tarn.Load.Generation;
using Tarn.Load.Running;

namespace Tarn.Load.Scenarios;

/// <summary>
/// Base of the scenarios: the setup creates the scenario's own repository (branch <c>main</c>) and then runs
/// <see cref="PrepareAsync"/>; the timed operation is <see cref="IWorkload.ExecuteAsync"/>.
/// </summary>
internal abstract class ApiScenario(ScenarioContext context) : IWorkload
{
    protected const string MainBranch = "main";

    public abstract string Name { get; }

    public virtual long BytesPerOperation => 0;

    public virtual long Capacity => long.MaxValue;

    /// <summary>Something the report must say about how the figure was obtained (null when nothing).</summary>
    public string? Note { get; protected set; }

    protected ScenarioContext Context => context;

    protected LakeFsClient Api => context.Api;

    protected string Repository => context.Repository;

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        // A generated repository was created through the engine before the server started.
        if (!context.Pregenerated)
        {
            await Api.CreateRepositoryAsync(Repository, context.StorageNamespace, cancellationToken);
        }

        await PrepareAsync(cancellationToken);
    }

    public virtual Task PrepareOperationAsync(long operation, int worker, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The scenario's data set: <c>repo-size</c> committed objects at <see cref="GeneratedEntries.PathOf"/> on main,
    /// generated before the server started (<c>--generate</c>) or uploaded now. Returns the commit holding them.
    /// </summary>
    protected Task<string> PrepareDataSetAsync(CancellationToken cancellationToken) => context.Pregenerated
        ? Api.GetBranchAsync(Repository, MainBranch, cancellationToken)
        : UploadAndCommitAsync(context.RepoSize, GeneratedEntries.PathOf, context.ObjectSize, cancellationToken);

    /// <summary>Uploads <paramref name="count"/> objects named by <paramref name="pathOf"/> to main, in parallel, then commits them.</summary>
    protected async Task<string> UploadAndCommitAsync(int count, Func<int, string> pathOf, long size, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, context.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, count, options, async (i, token) => await Api.UploadAsync(Repository, MainBranch, pathOf(i), size, token));
        return await Api.CommitAsync(Repository, MainBranch, $"load: {count} objects", cancellationToken);
    }
}
