namespace Tarn.Load.Scenarios;

/// <summary>Upload of a new object to <c>main</c> (staged; acknowledged only once durable), target T2.</summary>
internal sealed class RandomWriteScenario(ScenarioContext context) : ApiScenario(context)
{
    public override string Name => "random-write";

    public override long BytesPerOperation => Context.ObjectSize;

    public override Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken) =>
        Api.UploadAsync(Repository, MainBranch, $"write/{operation:D10}", Context.ObjectSize, cancellationToken);
}
