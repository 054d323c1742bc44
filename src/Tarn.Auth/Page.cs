namespace Tarn.Auth;

/// <summary>
/// One page of results. As in lakeFS, <see cref="HasMore"/> is true whenever the page is full (so a final
/// empty page is possible) and <see cref="NextOffset"/> is then the last id, else empty.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore, string NextOffset);
