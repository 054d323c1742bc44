namespace Tarn.Load.Scenarios;

/// <summary>
/// Concurrent merges into <c>main</c>: the setup prepares one branch per operation, each with one committed change
/// to a path of its own (disjoint, so no merge may conflict); every failed merge is counted (target T9b).
/// </summary>
internal sealed class MergeScenario(ScenarioContext context) : ApiScenario(context)
{
    public override string Name => "merge";

    public override long Capacity => Context.Amount;

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.MergeAsync(Repository, BranchOf(operation), MainBranch, cancellationToken);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await PrepareDataSetAsync(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Context.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0L, Context.Amount, options, async (operation, token) =>
        {
            var branch = BranchOf(operation);
            await Api.CreateBranchAsync(Repository, branch, MainBranch, token);
            await Api.UploadAsync(Repository, branch, $"merge/{operation:D10}", Context.ObjectSize, token);
            await Api.CommitAsync(Repository, branch, $"load: change for merge {operation}", token);
        });
    }

    private static string BranchOf(long operation) => $"merge-{operation}";
}
