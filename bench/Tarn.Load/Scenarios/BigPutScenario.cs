namespace Tarn.Load.Scenarios;

/// <summary>Upload of one big object (default 1 GiB) streamed from a generator, never held in memory.</summary>
internal sealed class BigPutScenario(ScenarioContext context) : ApiScenario(context)
{
    public override string Name => "big-put";

    public override long BytesPerOperation => Context.ObjectSize;

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.UploadAsync(Repository, MainBranch, $"big/{operation:D6}", Context.ObjectSize, cancellationToken);
}
