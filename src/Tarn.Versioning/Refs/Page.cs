namespace Tarn.Versioning.Refs;

/// <summary>
/// One page of results. <see cref="HasMore"/> is true iff another item exists after the page, and
/// <see cref="NextOffset"/> is then the last item's key (else empty), for the caller to pass back as <c>after</c>.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore, string NextOffset);
