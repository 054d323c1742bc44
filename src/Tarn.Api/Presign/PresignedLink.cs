namespace Tarn.Api.Presign;

/// <summary>A presigned URL as handed to a client.</summary>
/// <param name="Url">Absolute: scheme, host and port of the API request that asked for it.</param>
/// <param name="ExpiresAt">The last second the URL is accepted.</param>
public sealed record PresignedLink(string Url, DateTimeOffset ExpiresAt);
