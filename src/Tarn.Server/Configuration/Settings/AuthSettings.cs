namespace Tarn.Server.Configuration.Settings;

/// <summary><c>auth.*</c>: the master secret, token lifetime, caches, login-page settings and the remote authenticator.</summary>
public sealed record AuthSettings
{
    /// <summary><c>auth.encrypt.secret_key</c>: encrypts stored secret keys and signs tokens and cookies.</summary>
    public required SecretValue EncryptSecretKey { get; init; }

    /// <summary>Lifetime of JWTs issued by <c>/auth/login</c>.</summary>
    public required TimeSpan LoginDuration { get; init; }

    /// <summary>Target of <c>GET /logout</c>.</summary>
    public required string LogoutRedirectUrl { get; init; }

    public required AuthCacheSettings Cache { get; init; }

    public required AuthUiConfigSettings UiConfig { get; init; }

    public required RemoteAuthenticatorSettings RemoteAuthenticator { get; init; }
}
