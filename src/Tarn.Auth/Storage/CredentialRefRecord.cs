namespace Tarn.Auth.Storage;

/// <summary>The per-user index entry of an access key.</summary>
internal sealed record CredentialRefRecord(string UserUid);
