namespace Tarn.Load.Scenarios;

/// <summary>GET by commit ID of one big object (default 1 GiB), drained through a small buffer (target T10).</summary>
internal sealed class BigGetScenario(ScenarioContext context) : ApiScenario(context)
{
    private const string ObjectPath = "big/object";
    private string _commitId = "";

    public override string Name => "big-get";

    public override long BytesPerOperation => Context.ObjectSize;

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var read = await Api.GetObjectAsync(Repository, _commitId, ObjectPath, cancellationToken);
        if (read != Context.ObjectSize)
        {
            throw new InvalidDataException($"getObject: read {read} bytes, expected {Context.ObjectSize}");
        }
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken) =>
        _commitId = await UploadAndCommitAsync(1, _ => ObjectPath, Context.ObjectSize, cancellationToken);
}
