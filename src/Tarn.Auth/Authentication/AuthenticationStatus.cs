namespace Tarn.Auth.Authentication;

/// <summary>How an authentication attempt ended.</summary>
public enum AuthenticationStatus
{
    /// <summary>The key and secret are right; the result carries the user.</summary>
    Authenticated,

    /// <summary>Unknown key or wrong secret (401; the two are indistinguishable on purpose).</summary>
    InvalidCredentials,

    /// <summary>Too many recent failures for this key: refused without checking (429).</summary>
    Throttled,
}
