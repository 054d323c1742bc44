namespace Tarn.Auth.Storage;

/// <summary>A stored access key: its secret encrypted by <see cref="Secrets.SecretCipher"/>, bound to the key id.</summary>
internal sealed record CredentialRecord(string AccessKeyId, string Username, string UserUid, byte[] EncryptedSecret, DateTimeOffset CreatedAt)
{
    public Credential ToCredential() => new(AccessKeyId, Username, CreatedAt);
}
