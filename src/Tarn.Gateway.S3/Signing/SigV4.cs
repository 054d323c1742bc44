using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tarn.Auth.Secrets;

namespace Tarn.Gateway.S3.Signing;

/// <summary>The arithmetic of AWS Signature Version 4: signing key, strings to sign, signatures, comparison.</summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Hex SHA-256 of the empty string, part of every chunk's string to sign.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Access key ids of 3–20 characters without separators, as <see cref="AccessKeys"/> allows.</summary>
    public static bool IsValidAccessKeyId(string value) =>
        value.Length is >= AccessKeys.MinAccessKeyIdLength and <= AccessKeys.MaxAccessKeyIdLength
        && !value.Any(c => char.IsControl(c) || c is '/' or ',' or ' ' or ':');

    /// <summary><c>kSigning</c>: the HMAC chain over date, region, service and <c>aws4_request</c>.</summary>
    public static byte[] SigningKey(string secretAccessKey, SigV4Credential credential)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(credential);
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), credential.Date);
        key = Hmac(key, credential.Region);
        key = Hmac(key, credential.Service);
        return Hmac(key, Terminator);
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>The string to sign of one aws-chunked chunk, chained to the previous signature.</summary>
    public static string ChunkStringToSign(string amzDate, string scope, string previousSignature, string chunkSha256Hex) =>
        $"{Algorithm}-PAYLOAD\n{amzDate}\n{scope}\n{previousSignature}\n{EmptySha256}\n{chunkSha256Hex}";

    /// <summary>The string to sign of an aws-chunked trailer, chained to the final chunk's signature.</summary>
    public static string TrailerStringToSign(string amzDate, string scope, string previousSignature, string trailerSha256Hex) =>
        $"{Algorithm}-TRAILER\n{amzDate}\n{scope}\n{previousSignature}\n{trailerSha256Hex}";

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Constant-time comparison of the expected signature with the one sent.</summary>
    public static bool SignaturesEqual(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(provided));

    /// <summary>Parses an <c>X-Amz-Date</c>-style timestamp.</summary>
    public static bool TryParseAmzDate(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, AmzDateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
