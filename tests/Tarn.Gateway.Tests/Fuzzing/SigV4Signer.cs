using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>How to sign one request with SigV4.</summary>
internal sealed record SigV4Options
{
    public required DateTimeOffset Time { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string Service { get; init; } = "s3";

    /// <summary>The <c>x-amz-content-sha256</c> to send and sign; null for the SHA-256 of the body.</summary>
    public string? PayloadHash { get; init; }

    /// <summary>The header names to sign, in the order written into <c>SignedHeaders</c>; null for the usual set.</summary>
    public IReadOnlyList<string>? SignedHeaders { get; init; }
}

/// <summary>What a SigV4 signature was made of; the chunk and trailer signatures of a streaming body chain on it.</summary>
internal sealed record SigV4Signing(string Signature, byte[] SigningKey, string AmzDate, string Scope);

/// <summary>
/// AWS Signature Version 4 for S3 as the AWS documentation describes it (S3 API reference: "Signature
/// Calculations for the Authorization Header", "Authenticating Requests: Using Query Parameters",
/// "Transferring Payload in Multiple Chunks" and "… with trailing headers"). Written apart from the
/// gateway's code so that the two can disagree. The canonical URI of S3 is the path decoded once and
/// encoded once: no dot-segment removal, no slash merging.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    public static readonly string EmptySha256 = Sha256Hex([]);

    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Signs into the <c>Authorization</c> header, setting <c>x-amz-date</c> and <c>x-amz-content-sha256</c> first.</summary>
    public static SigV4Signing SignHeader(RawHttpRequest request, FuzzKey key, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        var amzDate = AmzDate(options.Time);
        request.SetHeader("x-amz-date", amzDate);
        var payloadHash = options.PayloadHash ?? Sha256Hex(request.Body);
        request.SetHeader("x-amz-content-sha256", payloadHash);
        var names = options.SignedHeaders ?? DefaultSignedHeaders(request);
        var signedHeaders = string.Join(';', names);
        var scope = Scope(amzDate, options.Region, options.Service);
        var signingKey = SigningKey(key.SecretAccessKey, amzDate[..8], options.Region, options.Service);
        var canonical = CanonicalRequest(request, names, signedHeaders, payloadHash, presigned: false);
        var signature = Sign(signingKey, StringToSign(amzDate, scope, canonical));
        request.SetHeader("Authorization", $"{Algorithm} Credential={key.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return new SigV4Signing(signature, signingKey, amzDate, scope);
    }

    /// <summary>
    /// Presigns: appends <c>X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders</c> (host only) to the
    /// query, signs the result with <c>UNSIGNED-PAYLOAD</c>, and appends <c>X-Amz-Signature</c>.
    /// </summary>
    public static SigV4Signing Presign(RawHttpRequest request, FuzzKey key, DateTimeOffset time, string expires, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var amzDate = AmzDate(time);
        var scope = Scope(amzDate, region, "s3");
        AppendQuery(request,
            $"X-Amz-Algorithm={Algorithm}&X-Amz-Credential={Encode(Encoding.UTF8.GetBytes(key.AccessKeyId + "/" + scope), keepSlash: false)}" +
            $"&X-Amz-Date={amzDate}&X-Amz-Expires={expires}&X-Amz-SignedHeaders=host");
        var signingKey = SigningKey(key.SecretAccessKey, amzDate[..8], region, "s3");
        var signature = Sign(signingKey, StringToSign(amzDate, scope, CanonicalRequest(request, ["host"], "host", UnsignedPayload, presigned: true)));
        AppendQuery(request, "X-Amz-Signature=" + signature);
        return new SigV4Signing(signature, signingKey, amzDate, scope);
    }

    /// <summary>The signature of one aws-chunked chunk, chained on the previous signature.</summary>
    public static string ChunkSignature(SigV4Signing seed, string previous, ReadOnlySpan<byte> chunk)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Sign(seed.SigningKey, $"{Algorithm}-PAYLOAD\n{seed.AmzDate}\n{seed.Scope}\n{previous}\n{EmptySha256}\n{Sha256Hex(chunk)}");
    }

    /// <summary>The signature of the trailer lines (each <c>name:value\n</c>), chained on the final chunk's signature.</summary>
    public static string TrailerSignature(SigV4Signing seed, string previous, string trailerLines)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Sign(seed.SigningKey, $"{Algorithm}-TRAILER\n{seed.AmzDate}\n{seed.Scope}\n{previous}\n{Sha256Hex(Encoding.UTF8.GetBytes(trailerLines))}");
    }

    public static string Scope(string amzDate, string region, string service) => $"{amzDate[..8]}/{region}/{service}/aws4_request";

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string Sign(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    /// <summary>host, x-amz-date, x-amz-content-sha256, content-type, content-md5 and every other x-amz-* header sent.</summary>
    public static List<string> DefaultSignedHeaders(RawHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.Headers
            .Select(h => h.Name.ToLowerInvariant())
            .Where(n => n is "host" or "content-type" or "content-md5" || n.StartsWith("x-amz-", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    public static string CanonicalRequest(RawHttpRequest request, IReadOnlyList<string> names, string signedHeaders, string payloadHash, bool presigned)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(names);
        var builder = new StringBuilder(512);
        builder.Append(Wire.ToText(request.Method) ?? request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery, presigned)).Append('\n');
        foreach (var name in names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        return builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash).ToString();
    }

    /// <summary>The path decoded once (a malformed escape stays literal) and encoded S3-style, <c>/</c> kept.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var bytes = Decode(rawPath, plusAsSpace: false);
        return bytes.Length == 0 ? "/" : Encode(bytes, keepSlash: true);
    }

    /// <summary>Every parameter (but the signature of a presigned URL) decoded and re-encoded, sorted by name then value.</summary>
    public static string CanonicalQuery(string rawQuery, bool presigned)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Encode(Decode(equals < 0 ? part : part[..equals], plusAsSpace: false), keepSlash: false);
            var value = Encode(Decode(equals < 0 ? "" : part[(equals + 1)..], plusAsSpace: false), keepSlash: false);
            if (!(presigned && name == "X-Amz-Signature"))
            {
                pairs.Add((name, value));
            }
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Every value of the header (as a UTF-8 reader sees it), trimmed, inner blanks collapsed, joined by <c>,</c>.</summary>
    public static string CanonicalHeaderValue(RawHttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Join(',', request.Headers
            .Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(h => string.Join(' ', (Wire.ToText(h.Value) ?? h.Value).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));
    }

    /// <summary>Percent-decodes a wire string into bytes; <c>%</c> without two hex digits stays literal.</summary>
    public static byte[] Decode(string wire, bool plusAsSpace)
    {
        var output = new List<byte>(wire.Length);
        for (var i = 0; i < wire.Length; i++)
        {
            var c = wire[i];
            if (c == '%' && i + 2 < wire.Length && char.IsAsciiHexDigit(wire[i + 1]) && char.IsAsciiHexDigit(wire[i + 2]))
            {
                output.Add(byte.Parse(wire.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                output.Add(plusAsSpace && c == '+' ? (byte)' ' : (byte)c);
            }
        }

        return [.. output];
    }

    /// <summary>S3's URI encoding: unreserved characters (and <c>/</c> when asked) kept, every other byte <c>%XX</c> upper-case.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool keepSlash)
    {
        var builder = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' || (keepSlash && b == '/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static void AppendQuery(RawHttpRequest request, string parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Target += request.Target.Contains('?', StringComparison.Ordinal) ? "&" + parameters : "?" + parameters;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
