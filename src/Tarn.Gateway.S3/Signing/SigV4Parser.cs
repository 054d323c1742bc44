using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Signing;

/// <summary>
/// Reads SigV4 signatures (docs/gateway.md, "Authentication"). Malformed input answers 400
/// (<c>AuthorizationHeaderMalformed</c>, <c>AuthorizationQueryParametersError</c>, <c>MalformedDate</c>)
/// rather than lakeFS's silent fall-through to an anonymous 403. <c>host</c> must be signed.
/// </summary>
public static class SigV4Parser
{
    private const int SignatureHexLength = 64;

    /// <summary>Whether the query carries SigV4 presign parameters.</summary>
    public static bool IsPresigned(S3Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Contains("X-Amz-Algorithm") || query.Contains("X-Amz-Credential") || query.Contains("X-Amz-Signature");
    }

    /// <summary>Parses <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> and the request date.</summary>
    public static SigV4Signature ParseHeader(string authorization, S3Query query, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        if (!authorization.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            throw Malformed("Unsupported authorization algorithm.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var field in authorization[(SigV4.Algorithm.Length + 1)..].Split(','))
        {
            var trimmed = field.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Malformed("The authorization header is malformed.");
            }

            var value = trimmed[(equals + 1)..];
            switch (trimmed[..equals])
            {
                case "Credential" when credential is null: credential = value; break;
                case "SignedHeaders" when signedHeaders is null: signedHeaders = value; break;
                case "Signature" when signature is null: signature = value; break;
                default: throw Malformed("The authorization header is malformed.");
            }
        }

        var parsedCredential = (credential is null ? null : SigV4Credential.TryParse(credential))
            ?? throw Malformed("The authorization header is malformed; the Credential is mal-formed.");
        if (signedHeaders is null || !IsValidSignedHeaders(signedHeaders) || signature is null || !IsSignature(signature))
        {
            throw Malformed("The authorization header is malformed.");
        }

        var (amzDate, time) = RequestDate(query, headers);
        RequireSameDay(parsedCredential, amzDate);
        return new SigV4Signature(parsedCredential, signedHeaders, signature, amzDate, time, Expires: null);
    }

    /// <summary>Parses the <c>X-Amz-*</c> parameters of a presigned URL.</summary>
    public static SigV4Signature ParseQuery(S3Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Get("X-Amz-Algorithm") != SigV4.Algorithm)
        {
            throw QueryError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\".");
        }

        var credentialValue = query.Get("X-Amz-Credential");
        if (string.IsNullOrEmpty(credentialValue))
        {
            throw new S3ErrorException(S3Errors.InvalidRequest, "Missing required parameter X-Amz-Credential.");
        }

        var credential = SigV4Credential.TryParse(credentialValue) ?? throw new S3ErrorException(S3Errors.AuthorizationQueryParametersError);
        var signedHeaders = query.Get("X-Amz-SignedHeaders");
        var signature = query.Get("X-Amz-Signature");
        if (signedHeaders is null || !IsValidSignedHeaders(signedHeaders) || signature is null || !IsSignature(signature))
        {
            throw QueryError("X-Amz-SignedHeaders and X-Amz-Signature are required and must be well-formed.");
        }

        var amzDate = query.Get("X-Amz-Date") ?? throw QueryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
        if (!SigV4.TryParseAmzDate(amzDate, out var time))
        {
            throw QueryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
        }

        var expiresText = query.Get("X-Amz-Expires");
        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            throw QueryError("X-Amz-Expires should be a number.");
        }

        if (expiresSeconds > GatewayOptions.MaxPresignedExpiry.TotalSeconds)
        {
            throw QueryError("X-Amz-Expires must be less than a week (in seconds) that is 604800.");
        }

        RequireSameDay(credential, amzDate);
        return new SigV4Signature(credential, signedHeaders, signature, amzDate, time, TimeSpan.FromSeconds(expiresSeconds));
    }

    // First of query X-Amz-Date, header x-amz-date, header Date; all in the ISO 8601 basic format.
    private static (string AmzDate, DateTimeOffset Time) RequestDate(S3Query query, IHeaderDictionary headers)
    {
        var value = query.Get("X-Amz-Date");
        if (string.IsNullOrEmpty(value))
        {
            value = headers["x-amz-date"].ToString();
        }

        if (string.IsNullOrEmpty(value))
        {
            value = headers.Date.ToString();
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new S3ErrorException(S3Errors.MissingDate);
        }

        return SigV4.TryParseAmzDate(value, out var time) ? (value, time) : throw new S3ErrorException(S3Errors.MalformedDate);
    }

    private static void RequireSameDay(SigV4Credential credential, string amzDate)
    {
        if (!amzDate.StartsWith(credential.Date, StringComparison.Ordinal))
        {
            throw QueryError($"Invalid credential date \"{credential.Date}\". This date is not the same as X-Amz-Date: \"{amzDate[..8]}\".");
        }
    }

    private static bool IsValidSignedHeaders(string value)
    {
        var names = value.Split(';');
        return names.All(n => n.Length > 0 && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            && names.Any(n => n.Equals("host", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSignature(string value) =>
        value.Length == SignatureHexLength && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static S3ErrorException Malformed(string message) => new(S3Errors.AuthorizationHeaderMalformed, message);

    private static S3ErrorException QueryError(string message) => new(S3Errors.AuthorizationQueryParametersError, message);
}
