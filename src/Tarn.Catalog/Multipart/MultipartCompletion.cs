using Tarn.Catalog.Entries;

namespace Tarn.Catalog.Multipart;

/// <summary>The outcome of completing a multipart upload.</summary>
/// <param name="Entry">The staged entry; its checksum is the multipart ETag, <c>-N</c> suffix included.</param>
/// <param name="ETag">The multipart ETag (<c>md5-of-md5s-N</c>, unquoted) the completion answers with.</param>
public sealed record MultipartCompletion(ObjectEntry Entry, string ETag);
