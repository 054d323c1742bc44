namespace Tarn.Auth;

/// <summary>
/// Throttling of failed logins per access key (and per client, when the caller knows one). After
/// <see cref="FreeFailures"/> failures the key is refused for an exponentially growing delay, capped at
/// <see cref="MaxDelay"/> so an attacker who knows a key id can only slow its owner down, never lock it
/// out for good; failures are forgotten after <see cref="ForgetAfter"/> without one.
/// </summary>
public sealed record LoginThrottleOptions
{
    public int FreeFailures { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Bound on remembered keys, so guessing random key ids cannot exhaust memory.</summary>
    public int MaxTrackedKeys { get; init; } = 10_000;

    internal void Validate()
    {
        if (FreeFailures < 0 || BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay || ForgetAfter <= TimeSpan.Zero || MaxTrackedKeys < 1)
        {
            throw new ArgumentException("Invalid login throttle settings.");
        }
    }
}
