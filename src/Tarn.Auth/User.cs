namespace Tarn.Auth;

/// <summary>A user as the API shows it. The username is also the API's user id.</summary>
/// <param name="Username">Unique name, also used in ARNs and in <c>${user}</c> policy variables.</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="FriendlyName">Display name, when one was given.</param>
/// <param name="Email">Email address, when one was given.</param>
/// <param name="Source">Where the user came from: <c>internal</c>, <c>remote_authenticator</c>, <c>oidc</c>…</param>
/// <param name="ExternalId">The identity provider's id for the user, when it came from one.</param>
public sealed record User(
    string Username,
    DateTimeOffset CreatedAt,
    string? FriendlyName = null,
    string? Email = null,
    string Source = User.InternalSource,
    string? ExternalId = null)
{
    /// <summary>The source of users created through the API, setup or the CLI.</summary>
    public const string InternalSource = "internal";
}
