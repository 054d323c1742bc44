namespace Tarn.Auth.Authentication;

/// <summary>The outcome of <see cref="BasicAuthenticator.AuthenticateBasicAsync"/>.</summary>
public sealed record AuthenticationResult(AuthenticationStatus Status, User? User = null, TimeSpan RetryAfter = default)
{
    public static AuthenticationResult Invalid { get; } = new(AuthenticationStatus.InvalidCredentials);

    public bool Succeeded => Status == AuthenticationStatus.Authenticated;

    public static AuthenticationResult Success(User user) => new(AuthenticationStatus.Authenticated, user);

    public static AuthenticationResult Throttled(TimeSpan retryAfter) => new(AuthenticationStatus.Throttled, RetryAfter: retryAfter);
}
