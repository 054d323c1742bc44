using System.Text;

namespace Tarn.Auth.Authentication;

/// <summary>
/// An access key with its plaintext secret, for protocols that recompute an HMAC with it (S3 SigV2/SigV4).
/// Never log or return it; <see cref="object.ToString"/> redacts the secret.
/// </summary>
public sealed record SigningCredential(User User, string AccessKeyId, string SecretAccessKey)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User.Username).Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = <redacted>");
        return true;
    }
}
