namespace Tarn.Blocks;

/// <summary>A part stored by <see cref="IBlockAdapter.UploadPartAsync"/>.</summary>
/// <param name="PartNumber">1..10000.</param>
/// <param name="ETag">Lowercase hex MD5 of the part, unquoted; the client sends it back when completing.</param>
/// <param name="Size">Bytes in the part.</param>
public sealed record UploadedPart(int PartNumber, string ETag, long Size);
