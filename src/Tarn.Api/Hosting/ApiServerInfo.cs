using Tarn.Api.Contracts;
using Tarn.Auth;

namespace Tarn.Api.Hosting;

/// <summary>
/// What the API reports about this server, resolved once at start-up by the composition root from the
/// configuration and the block store, so endpoints never read configuration keys themselves.
/// </summary>
public sealed record ApiServerInfo
{
    /// <summary>The lakeFS-compatible version clients see (lakeFS version + Tarn build metadata).</summary>
    public required string Version { get; init; }

    /// <summary>Stable identifier of this installation (persisted, or <c>installation.fixed_id</c>).</summary>
    public required string InstallationId { get; init; }

    public required StorageConfig Storage { get; init; }

    public required LoginConfig LoginConfig { get; init; }

    /// <summary>Seconds an uncommitted physical address stays valid; reported as the GC grace period.</summary>
    public long GarbageCollectionGracePeriodSeconds { get; init; } = 6 * 60 * 60;

    /// <summary>Whether setup asks for communication preferences (<c>email_subscription.enabled</c>).</summary>
    public bool EmailSubscriptionEnabled { get; init; } = true;

    /// <summary>Whether API usage is counted and served by getUsageReportSummary (<c>usage_report.enabled</c>).</summary>
    public bool UsageReportEnabled { get; init; }

    /// <summary>Where <c>GET /logout</c> redirects (<c>auth.logout_redirect_url</c>).</summary>
    public string LogoutRedirectUrl { get; init; } = "/auth/login";

    /// <summary><c>auth.ui_config.rbac</c>: in simplified mode the policy operations answer 501.</summary>
    public RbacMode RbacMode { get; init; } = RbacMode.Simplified;
}
