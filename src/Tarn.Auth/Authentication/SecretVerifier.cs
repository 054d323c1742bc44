using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Tarn.Auth.Secrets;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Checks a presented secret against a stored (sealed) one. The first check of a sealed secret decrypts it
/// and remembers only an HMAC of the plaintext under a key that lives in this process; later checks cost
/// one HMAC and a constant-time comparison instead of an AES-GCM decryption, which was the largest part of
/// authenticating a request. Entries are keyed by the sealed blob's identity: a credential read again from
/// the store brings a new blob (and a new entry), and entries go away with the records that hold them.
/// </summary>
internal sealed class SecretVerifier(SecretCipher cipher)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConditionalWeakTable<byte[], byte[]> _digests = [];

    /// <summary>True when <paramref name="presented"/> is the secret sealed in <paramref name="sealedSecret"/> for <paramref name="accessKeyId"/>.</summary>
    public bool Matches(string accessKeyId, byte[] sealedSecret, string presented)
    {
        if (!_digests.TryGetValue(sealedSecret, out var expected))
        {
            expected = Digest(cipher.Decrypt(accessKeyId, sealedSecret));
            _digests.AddOrUpdate(sealedSecret, expected);
        }

        return CryptographicOperations.FixedTimeEquals(expected, Digest(presented));
    }

    private byte[] Digest(string secret) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret));
}
