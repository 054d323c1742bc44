using System.Security.Cryptography;
using Tarn.Core;

namespace Tarn.Auth.Secrets;

/// <summary>Generation and checks of access key ids and secrets in lakeFS's formats.</summary>
public static class AccessKeys
{
    public const int MinAccessKeyIdLength = 3;
    public const int MaxAccessKeyIdLength = 20;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int RandomIdLength = 14;
    private const int SecretBytes = 30;

    /// <summary><c>AKIAJ</c>, 14 uniformly random characters of a 32-symbol alphabet, <c>Q</c>: 20 characters.</summary>
    public static string NewAccessKeyId() =>
        string.Concat("AKIAJ", new string(RandomNumberGenerator.GetItems<char>(Alphabet, RandomIdLength)), "Q");

    /// <summary>30 random bytes in standard base64 (40 characters, no padding).</summary>
    public static string NewSecretAccessKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A freshly generated key pair.</summary>
    public static AccessKeyPair Generate() => new(NewAccessKeyId(), NewSecretAccessKey());

    /// <summary>
    /// Accepts a caller-supplied pair when the id has 3–20 characters and the secret is not empty; longer
    /// ids would break the S3 signature parsers. Throws <see cref="ErrorKind.InvalidArgument"/> otherwise.
    /// </summary>
    public static void Validate(AccessKeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = key.AccessKeyId ?? "";
        if (id.Length is < MinAccessKeyIdLength or > MaxAccessKeyIdLength || id.Any(char.IsControl))
        {
            throw TarnException.Invalid("invalid access key ID");
        }

        if (string.IsNullOrEmpty(key.SecretAccessKey))
        {
            throw TarnException.Invalid("invalid secret access key");
        }
    }
}
