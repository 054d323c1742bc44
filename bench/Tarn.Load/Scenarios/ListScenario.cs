namespace Tarn.Load.Scenarios;

/// <summary>
/// <c>listObjects</c> with delimiter <c>/</c> at the root of a commit whose <c>repo-size</c> objects are spread over
/// up to 1,000 folders: one operation reads one page of up to 1,000 common prefixes (target T5).
/// </summary>
internal sealed class ListScenario(ScenarioContext context) : ApiScenario(context)
{
    private const int PageSize = 1000;
    private string _commitId = "";

    public override string Name => "list";

    private int Prefixes => Math.Min(PageSize, Context.RepoSize);

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var listed = await Api.ListObjectsAsync(Repository, _commitId, prefix: "", delimiter: "/", PageSize, cancellationToken);
        // A generated data set adds its own folder (data/) next to ours, unless the page is already full.
        var expected = Context.Pregenerated ? Math.Min(PageSize, Prefixes + 1) : Prefixes;
        if (listed != expected)
        {
            throw new InvalidDataException($"listObjects: {listed} results, expected {expected} common prefixes");
        }
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Note = $"{Prefixes} common prefixes per page over {Context.RepoSize} objects";
        _commitId = await UploadAndCommitAsync(Context.RepoSize, index => $"folder-{index % Prefixes:D4}/object-{index:D8}", Context.ObjectSize, cancellationToken);
    }
}
