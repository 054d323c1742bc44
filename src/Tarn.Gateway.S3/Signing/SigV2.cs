using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Signing;

/// <summary>
/// AWS Signature Version 2 (docs/gateway.md, "Authentication"): parsing, the string to sign and the HMAC-SHA1 signature.
/// Sub-resource names match exactly (lakeFS lower-cases them, which breaks <c>uploadId</c>/<c>partNumber</c>).
/// </summary>
public static class SigV2
{
    private static readonly string[] SubResources =
    [
        "accelerate", "acl", "analytics", "copy-source", "cors", "defaultObjectAcl", "delete", "inventory", "lifecycle",
        "location", "logging", "metrics", "notification", "partNumber", "policy", "replication", "requestPayment",
        "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
        "response-content-type", "response-expires", "restore", "select", "select-type", "storageClass", "tagging",
        "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    ];

    /// <summary>Whether the query carries SigV2 presign parameters.</summary>
    public static bool IsPresigned(S3Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Contains("AWSAccessKeyId") || query.Contains("Signature");
    }

    /// <summary>Parses <c>AWS AK:signature</c>; null when the header has another shape.</summary>
    public static SigV2Signature? TryParseHeader(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!authorization.StartsWith("AWS ", StringComparison.Ordinal))
        {
            return null;
        }

        var credentials = authorization[4..].Trim();
        var colon = credentials.LastIndexOf(':');
        if (colon <= 0 || colon == credentials.Length - 1 || !SigV4.IsValidAccessKeyId(credentials[..colon]))
        {
            return null;
        }

        return new SigV2Signature(credentials[..colon], credentials[(colon + 1)..], Expires: null);
    }

    /// <summary>Parses a presigned SigV2 query; missing or malformed parameters answer 400.</summary>
    public static SigV2Signature ParseQuery(S3Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accessKeyId = query.Get("AWSAccessKeyId");
        var signature = query.Get("Signature");
        var expires = query.Get("Expires");
        if (string.IsNullOrEmpty(accessKeyId) || !SigV4.IsValidAccessKeyId(accessKeyId) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new S3ErrorException(S3Errors.AuthorizationQueryParametersError,
                "Query-string authentication requires the AWSAccessKeyId, Signature and Expires parameters.");
        }

        return new SigV2Signature(accessKeyId, signature, expires);
    }

    /// <summary>
    /// The string to sign. <paramref name="virtualHostBucket"/> is the bucket taken from the Host header
    /// (it prefixes the canonical resource), null for path style.
    /// </summary>
    public static string StringToSign(HttpRequest request, RawRequestTarget target, S3Query query, SigV2Signature signature, string? virtualHostBucket)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(signature);
        var headers = request.Headers;
        var builder = new StringBuilder(256);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(Joined(headers.ContentMD5)).Append('\n');
        builder.Append(Joined(headers.ContentType)).Append('\n');
        // With x-amz-date present the Date line is empty (AWS rule); x-amz-date is then signed below.
        var dateLine = signature.Expires ?? (headers.ContainsKey("x-amz-date") ? "" : Joined(headers.Date));
        builder.Append(dateLine).Append('\n');
        foreach (var (name, values) in headers
                     .Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Values: h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(Joined(values)).Append('\n');
        }

        if (virtualHostBucket is not null)
        {
            builder.Append('/').Append(virtualHostBucket);
        }

        builder.Append(target.Path);
        var first = true;
        foreach (var name in SubResources.Where(query.Contains))
        {
            builder.Append(first ? '?' : '&').Append(name);
            first = false;
            var values = query.GetAll(name).Where(v => v.Length > 0).ToList();
            if (values.Count > 0)
            {
                builder.Append('=').Append(string.Join(',', values));
            }
        }

        return builder.ToString();
    }

    /// <summary>Base64 HMAC-SHA1 of the string to sign.</summary>
    public static string Sign(string secretAccessKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>
    /// The time a SigV2 header signature claims: <c>x-amz-date</c>, else <c>Date</c> (RFC 1123). Missing
    /// answers 403 <c>AccessDenied</c>, unparsable 400 <c>MalformedDate</c>.
    /// </summary>
    public static DateTimeOffset RequestTime(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var value = headers["x-amz-date"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            value = headers.Date.ToString();
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new S3ErrorException(S3Errors.MissingDate with { Status = StatusCodes.Status403Forbidden });
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new S3ErrorException(S3Errors.MalformedDate);
    }

    private static string Joined(IEnumerable<string?> values) => string.Join(',', values.Select(v => (v ?? "").Trim()));
}
