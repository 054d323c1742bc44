using System.Text;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Signing;

/// <summary>
/// The SigV4 canonical request (docs/gateway.md, "Authentication"), built from the raw request target: the path decoded
/// once and re-encoded S3-style (no dot-segment removal, no slash merging, no double encoding), the query
/// from the raw pairs (a <c>+</c> stays a <c>+</c>), and the signed headers as received.
/// </summary>
public static class SigV4CanonicalRequest
{
    public static string Build(string method, RawRequestTarget target, S3Query query, IHeaderDictionary headers, SigV4Signature signature, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signature);
        var builder = new StringBuilder(512);
        builder.Append(method).Append('\n');
        builder.Append(CanonicalUri(target.Path)).Append('\n');
        builder.Append(CanonicalQuery(query, signature.Presigned)).Append('\n');
        foreach (var name in signature.SignedHeaderNames)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(headers[name])).Append('\n');
        }

        builder.Append('\n').Append(signature.SignedHeaders).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string CanonicalUri(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (!S3UriEncoding.TryDecode(rawPath, plusAsSpace: false, out var bytes))
        {
            throw new Errors.S3ErrorException(Errors.S3Errors.InvalidUri);
        }

        return bytes.Length == 0 ? "/" : S3UriEncoding.Encode(bytes, keepSlash: true);
    }

    /// <summary>Every parameter but the signature, encoded with <c>/</c> escaped, sorted by name then value.</summary>
    public static string CanonicalQuery(S3Query query, bool presigned)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = new List<(string Name, string Value)>(query.Parameters.Count);
        foreach (var parameter in query.Parameters)
        {
            if (presigned && parameter.Name == "X-Amz-Signature")
            {
                continue;
            }

            pairs.Add((Reencode(parameter.RawName), Reencode(parameter.RawValue)));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Values trimmed, inner whitespace runs collapsed to one space, repeated headers joined with <c>,</c>.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(',', values.Select(v => CollapseWhitespace(v ?? "")));
    }

    private static string Reencode(string raw)
    {
        if (!S3UriEncoding.TryDecode(raw, plusAsSpace: false, out var bytes))
        {
            throw new Errors.S3ErrorException(Errors.S3Errors.InvalidUri);
        }

        return S3UriEncoding.Encode(bytes, keepSlash: false);
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
