namespace Tarn.Gateway.S3.Signing;

/// <summary>A parsed SigV2 signature (header <c>AWS AK:sig</c> or query <c>AWSAccessKeyId/Signature/Expires</c>).</summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="Signature">The base64 HMAC-SHA1 sent.</param>
/// <param name="Expires">For presigned URLs, the <c>Expires</c> epoch seconds as sent; null for header signatures.</param>
public sealed record SigV2Signature(string AccessKeyId, string Signature, string? Expires)
{
    public bool Presigned => Expires is not null;
}
