namespace Tarn.Load.Scenarios;

/// <summary>Deletion from <c>main</c> of committed objects in random order, each exactly once (the setup commits <c>amount</c> objects).</summary>
internal sealed class RandomDeleteScenario(ScenarioContext context) : ApiScenario(context)
{
    private int[] _order = [];

    public override string Name => "random-delete";

    public override long Capacity => Context.Amount;

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.DeleteObjectAsync(Repository, MainBranch, PathOf(_order[operation]), cancellationToken);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var count = checked((int)Context.Amount);
        _order = [.. Enumerable.Range(0, count)];
        Random.Shared.Shuffle(_order);
        await UploadAndCommitAsync(count, PathOf, Context.ObjectSize, cancellationToken);
    }

    private static string PathOf(int index) => $"delete/{index:D10}";
}
