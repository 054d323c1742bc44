using System.Text;

namespace Tarn.Auth;

/// <summary>
/// Settings of the auth domain, bound by the host from lakeFS's <c>auth.*</c> configuration keys.
/// </summary>
public sealed record AuthOptions
{
    /// <summary>
    /// <c>auth.encrypt.secret_key</c>: the master secret. Stored access-key secrets are encrypted with a key
    /// derived from it and login tokens are signed with its raw bytes, so changing it makes every stored
    /// secret undecryptable (re-encrypt with <see cref="Management.CredentialService.ReencryptAllAsync"/>)
    /// and every issued token invalid.
    /// </summary>
    public required string SecretKey { get; init; }

    /// <summary><c>auth.login_duration</c>: lifetime of tokens issued at login.</summary>
    public TimeSpan LoginDuration { get; init; } = TimeSpan.FromHours(168);

    /// <summary><c>auth.ui_config.rbac</c>: which base groups setup creates and whether policies are editable.</summary>
    public RbacMode RbacMode { get; init; } = RbacMode.Simplified;

    /// <summary><c>email_subscription.enabled</c>: whether setup asks for communication preferences.</summary>
    public bool EmailSubscriptionEnabled { get; init; } = true;

    /// <summary>
    /// How long a user's effective policies and access-key lookups stay cached. Mutations made by this process invalidate the
    /// cache at once; the lifetime only bounds staleness caused by other instances sharing the store.
    /// </summary>
    public TimeSpan PolicyCacheTtl { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A setup claim older than this is considered abandoned (its process crashed) and may be taken over.</summary>
    public TimeSpan SetupClaimTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How failed basic-auth attempts are throttled per access key.</summary>
    public LoginThrottleOptions LoginThrottle { get; init; } = new();

    /// <summary>Throws when the options cannot work; called once when the auth domain is built.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(SecretKey))
        {
            throw new ArgumentException("auth.encrypt.secret_key must not be empty.", nameof(SecretKey));
        }

        if (LoginDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("auth.login_duration must be positive.", nameof(LoginDuration));
        }

        if (PolicyCacheTtl < TimeSpan.Zero || SetupClaimTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Cache and setup timeouts must not be negative.");
        }

        LoginThrottle.Validate();
    }

    // The generated ToString would print the master secret; records print their members, so leave it out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("SecretKey = <redacted>, LoginDuration = ").Append(LoginDuration)
            .Append(", RbacMode = ").Append(RbacMode)
            .Append(", EmailSubscriptionEnabled = ").Append(EmailSubscriptionEnabled);
        return true;
    }
}
