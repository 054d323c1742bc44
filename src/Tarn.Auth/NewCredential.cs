using System.Text;

namespace Tarn.Auth;

/// <summary>
/// A freshly created access key with its secret: only credential creation and setup return one, and the
/// secret is never readable again afterwards. <see cref="object.ToString"/> redacts it.
/// </summary>
public sealed record NewCredential(string AccessKeyId, string SecretAccessKey, string Username, DateTimeOffset CreatedAt)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = <redacted>, Username = ").Append(Username)
            .Append(", CreatedAt = ").Append(CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
