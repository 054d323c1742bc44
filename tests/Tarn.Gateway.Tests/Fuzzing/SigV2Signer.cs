using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// AWS Signature Version 2 for S3 as the AWS documentation describes it ("Signing and Authenticating REST
/// Requests"): HMAC-SHA1 over the verb, Content-MD5, Content-Type, the date (or <c>Expires</c> for query
/// authentication), the <c>x-amz-*</c> headers and the canonical resource (the bucket of a virtual-host
/// request, the path as sent, and the sub-resources present).
/// </summary>
internal static class SigV2Signer
{
    // The sub-resources that belong to the canonical resource, as listed by the AWS documentation.
    private static readonly string[] SubResources =
    [
        "accelerate", "acl", "analytics", "copy-source", "cors", "defaultObjectAcl", "delete", "inventory", "lifecycle",
        "location", "logging", "metrics", "notification", "partNumber", "policy", "replication", "requestPayment",
        "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
        "response-content-type", "response-expires", "restore", "select", "select-type", "storageClass", "tagging",
        "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    ];

    /// <summary>Signs into <c>Authorization: AWS key:signature</c> with a <c>Date</c> header of <paramref name="time"/>.</summary>
    public static string SignHeader(RawHttpRequest request, FuzzKey key, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        request.SetHeader("Date", time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        var dateLine = request.HasHeader("x-amz-date") ? "" : request.Header("Date")!;
        var signature = Sign(key.SecretAccessKey, StringToSign(request, dateLine));
        request.SetHeader("Authorization", $"AWS {key.AccessKeyId}:{signature}");
        return signature;
    }

    /// <summary>Query authentication: appends <c>AWSAccessKeyId</c>, <c>Expires</c> and <c>Signature</c>.</summary>
    public static string Presign(RawHttpRequest request, FuzzKey key, string expires)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var signature = Sign(key.SecretAccessKey, StringToSign(request, expires));
        SigV4Signer.AppendQuery(request,
            $"AWSAccessKeyId={key.AccessKeyId}&Expires={expires}&Signature={SigV4Signer.Encode(Encoding.ASCII.GetBytes(signature), keepSlash: false)}");
        return signature;
    }

    /// <summary>The string to sign; the bucket of a virtual-host request (<c>&lt;bucket&gt;.s3.local.lakefs.io</c>) starts the resource.</summary>
    public static string StringToSign(RawHttpRequest request, string dateLine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new StringBuilder(256);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(Joined(request, "Content-MD5")).Append('\n');
        builder.Append(Joined(request, "Content-Type")).Append('\n');
        builder.Append(dateLine).Append('\n');
        foreach (var name in request.Headers.Select(h => h.Name.ToLowerInvariant())
                     .Where(n => n.StartsWith("x-amz-", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(Joined(request, name)).Append('\n');
        }

        var host = (request.Header("Host") ?? "").Split(':')[0];
        if (host.Length > RawTargetView.GatewayDomain.Length + 1 && host.EndsWith("." + RawTargetView.GatewayDomain, StringComparison.OrdinalIgnoreCase))
        {
            builder.Append('/').Append(host[..^(RawTargetView.GatewayDomain.Length + 1)]);
        }

        builder.Append(Wire.ToText(request.RawPath) ?? request.RawPath);
        var present = new List<(string Name, List<string> Values)>();
        foreach (var part in request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Text(equals < 0 ? part : part[..equals]);
            var value = Text(equals < 0 ? "" : part[(equals + 1)..]);
            if (Array.IndexOf(SubResources, name) >= 0)
            {
                var entry = present.Find(p => p.Name == name);
                if (entry.Values is null)
                {
                    present.Add((name, value.Length > 0 ? [value] : []));
                }
                else if (value.Length > 0)
                {
                    entry.Values.Add(value);
                }
            }
        }

        var first = true;
        foreach (var (name, values) in present.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            builder.Append(first ? '?' : '&').Append(name);
            first = false;
            if (values.Count > 0)
            {
                builder.Append('=').Append(string.Join(',', values));
            }
        }

        return builder.ToString();
    }

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    // Query values are form-encoded: '+' is a space, as a query-string reader decodes them.
    private static string Text(string raw) => Encoding.UTF8.GetString(SigV4Signer.Decode(raw, plusAsSpace: true));

    private static string Joined(RawHttpRequest request, string name) =>
        string.Join(',', request.Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => (Wire.ToText(h.Value) ?? h.Value).Trim()));
}
