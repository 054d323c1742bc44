namespace Tarn.Api.Contracts;

/// <summary>The page envelope every list answer carries (all four fields always present).</summary>
public sealed record Pagination(bool HasMore, string NextOffset, int Results, int MaxPerPage);
