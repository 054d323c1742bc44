namespace Tarn.Load.Scenarios;

/// <summary>
/// Each worker owns a branch (created from <c>main</c>, which holds the <c>repo-size</c> data set); before each
/// operation the worker uploads one object to it (untimed), and the operation is the commit of that one change
/// (target T6). ops/s counts whole upload + commit cycles; the latencies are the commits'.
/// </summary>
internal sealed class CommitScenario(ScenarioContext context) : ApiScenario(context)
{
    public override string Name => "commit";

    public override Task PrepareOperationAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.UploadAsync(Repository, BranchOf(worker), $"commit/{operation:D10}", Context.ObjectSize, cancellationToken);

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        await Api.CommitAsync(Repository, BranchOf(worker), $"load: change {operation}", cancellationToken);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await PrepareDataSetAsync(cancellationToken);
        for (var worker = 0; worker < Context.Parallelism; worker++)
        {
            await Api.CreateBranchAsync(Repository, BranchOf(worker), MainBranch, cancellationToken);
        }
    }

    private static string BranchOf(int worker) => $"worker-{worker}";
}
