namespace Tarn.Catalog.Multipart;

/// <summary>One uploaded part as the tracker remembers it (for ListParts).</summary>
/// <param name="PartNumber">1..10000.</param>
/// <param name="ETag">Lower-case hex MD5 of the part, unquoted.</param>
/// <param name="Size">Bytes in the part.</param>
/// <param name="LastModified">When the part was stored.</param>
public sealed record MultipartPart(int PartNumber, string ETag, long Size, DateTimeOffset LastModified);
