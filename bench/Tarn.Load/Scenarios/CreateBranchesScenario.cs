namespace Tarn.Load.Scenarios;

/// <summary>Creation of a new branch from <c>main</c> (which holds one commit with <c>repo-size</c> objects), target T1.</summary>
internal sealed class CreateBranchesScenario(ScenarioContext context) : ApiScenario(context)
{
    public override string Name => "create-branches";

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.CreateBranchAsync(Repository, $"branch-{operation}", MainBranch, cancellationToken);

    protected override Task PrepareAsync(CancellationToken cancellationToken) =>
        PrepareDataSetAsync(cancellationToken);
}
