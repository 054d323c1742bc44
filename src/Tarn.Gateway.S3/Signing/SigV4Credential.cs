namespace Tarn.Gateway.S3.Signing;

/// <summary>The <c>Credential</c> of a SigV4 signature: access key id and scope.</summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="Date">The scope date, <c>yyyyMMdd</c>.</param>
/// <param name="Region">The region as the client sent it (not compared with the configured one, as lakeFS).</param>
/// <param name="Service">The service as the client sent it (normally <c>s3</c>).</param>
public sealed record SigV4Credential(string AccessKeyId, string Date, string Region, string Service)
{
    /// <summary>The credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/{SigV4.Terminator}";

    /// <summary>Parses <c>AK/yyyyMMdd/region/service/aws4_request</c>; null when malformed.</summary>
    public static SigV4Credential? TryParse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('/');
        if (parts.Length != 5 || parts[4] != SigV4.Terminator || parts[1].Length != 8 || !parts[1].All(char.IsAsciiDigit)
            || parts[2].Length == 0 || parts[3].Length == 0 || !SigV4.IsValidAccessKeyId(parts[0]))
        {
            return null;
        }

        return new SigV4Credential(parts[0], parts[1], parts[2], parts[3]);
    }
}
