namespace Tarn.Server.Configuration.Settings;

/// <summary><c>email_subscription.*</c>: whether setup asks for communication preferences.</summary>
public sealed record EmailSubscriptionSettings
{
    public required bool Enabled { get; init; }
}
