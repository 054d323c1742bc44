namespace Tarn.Load.Scenarios;

/// <summary>
/// lakectl abuse's <c>link-same-object</c>: every operation asks for a physical address and links it at the same
/// path, so concurrent links race on one staging key (the data itself is never written: linking records metadata).
/// When the server does not offer <c>getPhysicalAddress</c> (it answers 501), the report says so and the operation
/// becomes the <c>metadata-read</c> mix (<c>getBranch</c>/<c>statObject</c>) instead of failing.
/// </summary>
internal sealed class LinkSameObjectScenario(ScenarioContext context) : ApiScenario(context)
{
    private const string ObjectPath = "linked/same-object";
    private const string Checksum = "0123456789abcdef0123456789abcdef";
    private bool _linkAvailable;

    public override string Name => "link-same-object";

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        if (!_linkAvailable)
        {
            await MetadataReadScenario.ReadAsync(Api, Repository, MainBranch, ObjectPath, operation, cancellationToken);
            return;
        }

        var address = await Api.GetPhysicalAddressAsync(Repository, MainBranch, ObjectPath, cancellationToken);
        await Api.LinkPhysicalAddressAsync(Repository, MainBranch, ObjectPath, address, Checksum, Context.ObjectSize, cancellationToken);
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await UploadAndCommitAsync(1, _ => ObjectPath, Context.ObjectSize, cancellationToken);
        var status = await Api.ProbePhysicalAddressAsync(Repository, MainBranch, ObjectPath, cancellationToken);
        _linkAvailable = status == 200;
        Note = _linkAvailable
            ? "one operation = getPhysicalAddress + linkPhysicalAddress of the same path"
            : $"linkPhysicalAddress not available (getPhysicalAddress answers HTTP {status}): measured the getBranch/statObject mix instead";
    }
}
