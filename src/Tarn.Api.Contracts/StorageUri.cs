namespace Tarn.Api.Contracts;

/// <summary>
/// A location in the block store (schema <c>StorageURI</c>): answer of <c>getMetaRange</c>, <c>getRange</c> (a
/// namespace-relative <c>_lakefs/&lt;id&gt;</c>, not a URI; docs/repositories.md, "Range and metarange locations") and
/// <c>createSymlinkFile</c>.
/// </summary>
public sealed record StorageUri(string Location);
