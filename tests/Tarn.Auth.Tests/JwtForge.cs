using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Auth.Tests;

/// <summary>Builds JWTs by hand, including ones our service must refuse.</summary>
internal static class JwtForge
{
    public static string Create(string headerJson, string payloadJson, string algorithm = "HS256", string secret = AuthTestContext.MasterSecret)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = algorithm switch
        {
            "HS256" => HMACSHA256.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            "none" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public static string Claims(string sub, long iat, long? exp, string? aud = "\"login\"", string? jti = "\"a-token-id\"")
    {
        var parts = new List<string> { $"\"sub\":\"{sub}\"", $"\"iat\":{iat}" };
        if (exp is not null)
        {
            parts.Add($"\"exp\":{exp}");
        }

        if (aud is not null)
        {
            parts.Add($"\"aud\":{aud}");
        }

        if (jti is not null)
        {
            parts.Add($"\"jti\":{jti}");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
