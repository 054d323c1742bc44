namespace Tarn.Gateway.S3.Routing;

/// <summary>One query parameter.</summary>
/// <param name="RawName">The name as sent (percent-encoded).</param>
/// <param name="RawValue">The value as sent (percent-encoded); empty when there was none.</param>
/// <param name="Name">The decoded name.</param>
/// <param name="Value">The decoded value.</param>
/// <param name="HasValue">Whether an <c>=</c> followed the name.</param>
public sealed record QueryParameter(string RawName, string RawValue, string Name, string Value, bool HasValue);
