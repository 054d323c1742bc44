using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tarn.Core;

namespace Tarn.Blocks.Presign;

/// <summary>
/// Issues and checks the expiring URLs through which Tarn serves presigned reads and writes itself, for
/// block stores that have no presigning of their own (the local store), so <c>presign=true</c> works
/// without S3.
/// </summary>
/// <remarks>
/// <para>A URL looks like
/// <c>/_tarn/presigned/&lt;token&gt;?X-Tarn-Expires=&lt;unix seconds&gt;&amp;X-Tarn-Signature=&lt;signature&gt;</c>:</para>
/// <list type="bullet">
/// <item><c>token</c> is the physical address (<c>local:///abs/path</c>, <c>local://ns/key</c>, …) as UTF-8 in
/// unpadded base64url, so any key fits in one path segment without escaping;</item>
/// <item><c>X-Tarn-Expires</c> is the last second at which the URL is accepted;</item>
/// <item><c>X-Tarn-Signature</c> is unpadded base64url of HMAC-SHA256 over
/// <c>"tarn-presign-v1\n" + METHOD + "\n" + expires + "\n" + address</c>. The address comes last, so no
/// choice of address can make two different requests sign the same text.</item>
/// </list>
/// <para>The HMAC key is derived from the server's master secret (<see cref="DeriveKey"/>), so restarting the
/// server keeps issued URLs valid, and rotating the secret revokes them all. Verification compares
/// signatures in constant time and checks the expiry only after the signature, so an attacker learns
/// nothing from the order of failures. The URL grants exactly one method on exactly one address; the
/// serving endpoint still resolves the address through the block adapter, which refuses anything outside
/// its root.</para>
/// </remarks>
public sealed class PresignedUrlSigner
{
    /// <summary>The path every presigned URL starts with; the serving endpoint is mapped under it.</summary>
    public const string PathPrefix = "/_tarn/presigned/";

    public const string ExpiresParameter = "X-Tarn-Expires";

    public const string SignatureParameter = "X-Tarn-Signature";

    /// <summary>The longest lifetime a URL may be given, as S3 allows for SigV4 presigning.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private const int MinKeyLength = 32;
    private const string SignatureVersion = "tarn-presign-v1";
    private static readonly byte[] KeyDerivationInfo = "tarn/presigned-urls/v1"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <param name="key">At least 32 bytes; use <see cref="DeriveKey"/> on the master secret.</param>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    public PresignedUrlSigner(ReadOnlySpan<byte> key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"a presign key needs at least {MinKeyLength} bytes", nameof(key));
        }

        _key = key.ToArray();
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The presign key for a master secret (HKDF-SHA256 with a purpose label), so the secret itself never
    /// signs anything and keys for other purposes cannot collide with this one.
    /// </summary>
    public static byte[] DeriveKey(string masterSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterSecret);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(masterSecret), MinKeyLength, salt: null, info: KeyDerivationInfo);
    }

    /// <summary>A URL allowing <paramref name="method"/> on <paramref name="physicalAddress"/> for <paramref name="lifetime"/>.</summary>
    public PresignedUrl Sign(PresignedMethod method, string physicalAddress, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(physicalAddress);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw TarnException.Invalid($"presigned URL lifetime must be between 1 second and {MaxLifetime.TotalDays} days");
        }

        var expires = (_timeProvider.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(physicalAddress));
        var expiresText = expires.ToString(CultureInfo.InvariantCulture);
        var signature = Signature(method, expiresText, physicalAddress);
        return new PresignedUrl(
            $"{PathPrefix}{token}?{ExpiresParameter}={expiresText}&{SignatureParameter}={signature}",
            DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>
    /// Checks a request for a presigned URL: <paramref name="token"/> is the path segment after
    /// <see cref="PathPrefix"/>, the other two are the query values (null when missing).
    /// </summary>
    public PresignedUrlVerification Verify(PresignedMethod method, string? token, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || TryDecodeAddress(token) is not { } address)
        {
            return new PresignedUrlVerification(PresignedUrlStatus.Malformed);
        }

        // Signed over the expiry text as received, so "0100" cannot stand in for "100".
        if (!Secret.EqualsConstantTime(Signature(method, expires!, address), signature))
        {
            return new PresignedUrlVerification(PresignedUrlStatus.BadSignature);
        }

        return _timeProvider.GetUtcNow().ToUnixTimeSeconds() > expiresAt
            ? new PresignedUrlVerification(PresignedUrlStatus.Expired)
            : new PresignedUrlVerification(PresignedUrlStatus.Valid, address);
    }

    private string Signature(PresignedMethod method, string expires, string address)
    {
        var methodName = method switch
        {
            PresignedMethod.Get => "GET",
            PresignedMethod.Put => "PUT",
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown presigned method"),
        };
        var text = $"{SignatureVersion}\n{methodName}\n{expires}\n{address}";
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }

    // Only the exact encoding this signer produces is accepted: base64url decoders tolerate padding and
    // whitespace, and a token that is not canonical was not issued here.
    private static string? TryDecodeAddress(string token)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            if (bytes.Length == 0 || !string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal))
            {
                return null;
            }

            return StrictUtf8.GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
