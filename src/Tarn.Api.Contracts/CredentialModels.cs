namespace Tarn.Api.Contracts;

/// <summary>An access key without its secret (schema <c>Credentials</c>).</summary>
public sealed record Credentials(string AccessKeyId, long CreationDate);

/// <summary>Answer of <c>listUserCredentials</c> (schema <c>CredentialsList</c>).</summary>
public sealed record CredentialsList(Pagination Pagination, IReadOnlyList<Credentials> Results);
