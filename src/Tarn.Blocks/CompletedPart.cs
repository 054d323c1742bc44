namespace Tarn.Blocks;

/// <summary>One entry of a multipart completion's part list.</summary>
/// <param name="PartNumber">The part's number as uploaded.</param>
/// <param name="ETag">The part's ETag as returned by the upload; surrounding quotes and case are ignored.</param>
public sealed record CompletedPart(int PartNumber, string ETag);
