namespace Tarn.Auth.Authentication;

/// <summary>A login token and when it expires. <see cref="object.ToString"/> leaves the token out.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"IssuedToken {{ Token = <redacted>, ExpiresAt = {ExpiresAt:O} }}";
}
