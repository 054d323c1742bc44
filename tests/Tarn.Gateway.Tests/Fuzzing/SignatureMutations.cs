namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Requests signed by an attacker's key and then broken: SigV4 headers (signature, fields, algorithm,
/// credential scope, SignedHeaders, dates, what was signed), presigned SigV4 URLs (every <c>X-Amz-*</c>
/// missing, duplicated or out of range, expired, not yet valid), SigV2 headers and presigned URLs. Every
/// mutation leaves the request without a valid proof of identity, so every one must be refused.
/// </summary>
internal static partial class SignatureMutations
{
    /// <summary>The broken request and the mutation's name.</summary>
    public static (RawHttpRequest Request, string Name) Any(CaseContext c, RawHttpRequest request, FuzzKey attacker)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attacker);
        var name = c.Random.Next(100) switch
        {
            < 55 => "sigv4-header/" + HeaderV4(c, request, attacker),
            < 75 => "sigv4-presigned/" + PresignedV4(c, request, attacker),
            < 90 => "sigv2-header/" + HeaderV2(c, request, attacker),
            _ => "sigv2-presigned/" + PresignedV2(c, request, attacker),
        };
        return (request, name);
    }

    /// <summary>The signature with one hex digit replaced by another.</summary>
    public static string Flip(CaseContext c, string hex)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(hex);
        var at = c.Random.Next(hex.Length);
        var digit = "0123456789abcdef"[(Convert.ToInt32(hex[at].ToString(), 16) + c.Random.Next(1, 16)) % 16];
        return hex[..at] + digit + hex[(at + 1)..];
    }

    private static string FlipBase64(CaseContext c, string base64)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        // Only the first 26 characters carry whole bytes of a 20-byte HMAC-SHA1; changing one of them changes the signature.
        var at = c.Random.Next(26);
        var digit = Alphabet[(Alphabet.IndexOf(base64[at], StringComparison.Ordinal) + c.Random.Next(1, 64)) % 64];
        return base64[..at] + digit + base64[(at + 1)..];
    }

    private static string Without(string authorization, string field)
    {
        var parts = authorization[(SigV4Signer.Algorithm.Length + 1)..].Split(',').Select(p => p.Trim()).Where(p => !p.StartsWith(field, StringComparison.Ordinal));
        return SigV4Signer.Algorithm + " " + string.Join(", ", parts);
    }

    private static string Query(RawHttpRequest request) => request.RawQuery.Length > 0 ? "?" + request.RawQuery : "";

    private static string RemoveParameter(string target, string name)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var kept = target[(question + 1)..].Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal) && p != name);
        return target[..question] + "?" + string.Join('&', kept);
    }
}
