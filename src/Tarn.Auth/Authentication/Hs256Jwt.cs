using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Compact JWS with HMAC-SHA256, the only algorithm accepted: the header must say exactly <c>HS256</c>
/// (so <c>none</c>, HS384/HS512 and any asymmetric algorithm are refused before the signature is looked
/// at) and the signature is compared in constant time. Written by hand rather than with a JWT library
/// because lakeFS signs with the raw master secret, which may be shorter than libraries allow for HS256.
/// </summary>
internal static class Hs256Jwt
{
    private const int MaxTokenLength = 8 * 1024;
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign(JwtClaims claims, byte[] key)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (claims.Audience.Count == 1)
            {
                json.WriteString("aud", claims.Audience[0]);
            }

            WriteNumber(json, "exp", claims.ExpiresAt);
            if (claims.IssuedAtMs is { } iatMs)
            {
                json.WriteNumber("iat", iatMs / 1000m);
            }

            WriteNumber(json, "nbf", claims.NotBefore);
            if (claims.Id is not null)
            {
                json.WriteString("jti", claims.Id);
            }

            if (claims.Subject is not null)
            {
                json.WriteString("sub", claims.Subject);
            }

            json.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(buffer.ToArray());
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The claims of a well-formed HS256 token whose signature verifies under <paramref name="key"/>; else null.</summary>
    public static JwtClaims? Verify(string token, byte[] key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            if (!IsHs256Header(Base64Url.DecodeFromChars(parts[0])))
            {
                return null;
            }

            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return null;
            }

            return ReadClaims(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }

    private static bool IsHs256Header(byte[] header)
    {
        using var document = JsonDocument.Parse(header);
        var root = document.RootElement;

        // "crit" names extensions the verifier must understand; we understand none.
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.GetString() == "HS256"
            && !root.TryGetProperty("crit", out _);
    }

    private static JwtClaims? ReadClaims(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var audience = new List<string>();
        if (root.TryGetProperty("aud", out var aud))
        {
            if (aud.ValueKind == JsonValueKind.String)
            {
                audience.Add(aud.GetString()!);
            }
            else if (aud.ValueKind == JsonValueKind.Array)
            {
                audience.AddRange(aud.EnumerateArray().Select(a => a.GetString() ?? throw new FormatException("aud")));
            }
            else
            {
                return null;
            }
        }

        return new JwtClaims(
            OptionalString(root, "sub"), audience, OptionalString(root, "jti"),
            OptionalSeconds(root, "iat") is { } iat ? (long)Math.Round(iat * 1000) : null,
            OptionalSeconds(root, "exp") is { } exp ? (long)Math.Floor(exp) : null,
            OptionalSeconds(root, "nbf") is { } nbf ? (long)Math.Ceiling(nbf) : null);
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>A NumericDate: seconds, possibly with a fraction, within a sane range.</summary>
    private static double? OptionalSeconds(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        var seconds = value.GetDouble();
        return double.IsFinite(seconds) && Math.Abs(seconds) < 1e12 ? seconds : throw new FormatException(name);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
