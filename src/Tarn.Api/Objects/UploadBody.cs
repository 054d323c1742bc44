namespace Tarn.Api.Objects;

/// <summary>
/// The data of an upload, positioned at its first byte and read straight from the request (never buffered
/// whole). It belongs to the request: read it once, and do not dispose it.
/// </summary>
/// <param name="Content">The object's bytes: the raw request body, or the <c>content</c> part of a form.</param>
/// <param name="ContentType">The type to store: the request's or the part's <c>Content-Type</c>, <c>application/octet-stream</c> when empty.</param>
/// <param name="Length">The exact byte count when known in advance (a raw body with <c>Content-Length</c>), else null.</param>
public sealed record UploadBody(Stream Content, string ContentType, long? Length);
