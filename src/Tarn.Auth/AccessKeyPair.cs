using System.Text;

namespace Tarn.Auth;

/// <summary>
/// A caller-supplied access key id and secret (setup with <c>key</c>, <c>tarn superuser</c>, <c>installation.*</c>).
/// <see cref="object.ToString"/> redacts the secret.
/// </summary>
public sealed record AccessKeyPair(string AccessKeyId, string SecretAccessKey)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId).Append(", SecretAccessKey = <redacted>");
        return true;
    }
}
