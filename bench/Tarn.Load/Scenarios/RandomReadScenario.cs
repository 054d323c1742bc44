using Tarn.Load.Generation;

namespace Tarn.Load.Scenarios;

/// <summary>GET of a random object by commit ID, after the setup uploaded and committed <c>repo-size</c> objects (target T3).</summary>
internal sealed class RandomReadScenario(ScenarioContext context) : ApiScenario(context)
{
    private string _commitId = "";

    public override string Name => "random-read";

    public override long BytesPerOperation => Context.ObjectSize;

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var read = await Api.GetObjectAsync(Repository, _commitId, PathOf(Random.Shared.Next(Context.RepoSize)), cancellationToken);
        if (read != Context.ObjectSize)
        {
            throw new InvalidDataException($"getObject: read {read} bytes, expected {Context.ObjectSize}");
        }
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken) =>
        _commitId = await PrepareDataSetAsync(cancellationToken);

    private static string PathOf(int index) => GeneratedEntries.PathOf(index);
}
