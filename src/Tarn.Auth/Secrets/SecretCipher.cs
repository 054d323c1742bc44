using System.Security.Cryptography;
using System.Text;
using Tarn.Core;

namespace Tarn.Auth.Secrets;

/// <summary>
/// Encrypts access-key secrets for storage: AES-256-GCM under a key derived from
/// <c>auth.encrypt.secret_key</c> with HKDF-SHA256, a random 12-byte nonce per record, and the access key
/// id as associated data, so a sealed secret cannot be moved to another key id. Layout:
/// <c>version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>; the version byte lets the master secret be rotated
/// by re-encrypting every record.
/// </summary>
internal sealed class SecretCipher
{
    public const byte CurrentVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize;
    private static readonly byte[] HkdfSalt = "tarn.auth"u8.ToArray();
    private static readonly byte[] HkdfInfo = "tarn access-key secret encryption v1"u8.ToArray();

    private readonly byte[] _key;

    public SecretCipher(string masterSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterSecret);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(masterSecret), 32, HkdfSalt, HkdfInfo);
    }

    public byte[] Encrypt(string accessKeyId, string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBlob = new byte[HeaderSize + plaintext.Length + TagSize];
        sealedBlob[0] = CurrentVersion;
        var nonce = sealedBlob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedBlob.AsSpan(HeaderSize, plaintext.Length),
            sealedBlob.AsSpan(HeaderSize + plaintext.Length, TagSize),
            AssociatedData(CurrentVersion, accessKeyId));
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedBlob;
    }

    /// <summary>
    /// The secret sealed for <paramref name="accessKeyId"/>. Fails with an internal error when the record
    /// was tampered with, belongs to another key id, or was sealed under another master secret.
    /// </summary>
    public string Decrypt(string accessKeyId, byte[] sealedBlob)
    {
        if (sealedBlob.Length < HeaderSize + TagSize || sealedBlob[0] != CurrentVersion)
        {
            throw Undecryptable();
        }

        var cipherLength = sealedBlob.Length - HeaderSize - TagSize;
        var plaintext = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(
                sealedBlob.AsSpan(1, NonceSize),
                sealedBlob.AsSpan(HeaderSize, cipherLength),
                sealedBlob.AsSpan(HeaderSize + cipherLength, TagSize),
                plaintext,
                AssociatedData(sealedBlob[0], accessKeyId));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Undecryptable();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Like <see cref="Decrypt"/>, but reports failure instead of throwing.</summary>
    public bool TryDecrypt(string accessKeyId, byte[] sealedBlob, out string secret)
    {
        try
        {
            secret = Decrypt(accessKeyId, sealedBlob);
            return true;
        }
        catch (TarnException)
        {
            secret = "";
            return false;
        }
    }

    private static byte[] AssociatedData(byte version, string accessKeyId)
    {
        var id = Encoding.UTF8.GetBytes(accessKeyId);
        var data = new byte[1 + id.Length];
        data[0] = version;
        id.CopyTo(data, 1);
        return data;
    }

    // Deliberately silent about the key id and contents: the message may reach logs.
    private static TarnException Undecryptable() => new(
        ErrorKind.Internal,
        "a stored secret access key cannot be decrypted (was auth.encrypt.secret_key changed?)");
}
