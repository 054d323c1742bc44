namespace Tarn.Blocks;

/// <summary>What a completed write stored.</summary>
/// <param name="Size">Bytes stored.</param>
/// <param name="ETag">
/// Lowercase hex MD5 of the content for a single put (lakeFS's checksum and ETag); for a completed
/// multipart upload the S3-style <c>md5(concatenated part MD5s)-partCount</c>. Never quoted.
/// </param>
/// <param name="LastModified">When the object became visible.</param>
public sealed record BlockWriteResult(long Size, string ETag, DateTimeOffset LastModified);
