namespace Tarn.Auth;

/// <summary>
/// Throttling of secret guessing per access key and client (see <c>FailedLoginLimiter</c>). After
/// <see cref="FreeFailures"/> wrong secrets, each further wrong answer is held back for a delay that doubles
/// from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>; the right secret is never held back. At most
/// <see cref="MaxHeldPerKey"/> answers of one key and client count down their delay at once (the others wait
/// their turn); once the process holds <see cref="MaxHeldInAll"/> answers, further attempts are refused
/// unchecked until one is released. Failures are forgotten after <see cref="ForgetAfter"/> without one.
/// </summary>
public sealed record LoginThrottleOptions
{
    public int FreeFailures { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxHeldPerKey { get; init; } = 2;

    public int MaxHeldInAll { get; init; } = 1_000;

    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Bound on remembered keys, so guessing random key ids cannot exhaust memory.</summary>
    public int MaxTrackedKeys { get; init; } = 10_000;

    internal void Validate()
    {
        if (FreeFailures < 0 || BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay || ForgetAfter <= TimeSpan.Zero || MaxTrackedKeys < 1
            || MaxHeldPerKey < 1 || MaxHeldInAll < MaxHeldPerKey)
        {
            throw new ArgumentException("Invalid login throttle settings.");
        }
    }
}
