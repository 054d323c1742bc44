using Tarn.Auth;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>What boot-time setup did.</summary>
internal enum BootstrapOutcome
{
    /// <summary>No <c>installation.*</c> admin configured, or the database is shared (PostgreSQL).</summary>
    NotConfigured,
    /// <summary>The installation was set up earlier; nothing to do (restarts are idempotent).</summary>
    AlreadyInitialized,
    /// <summary>This start created the base groups and the configured admin.</summary>
    Created,
}

/// <summary>
/// Boot-time setup from <c>installation.user_name/access_key_id/secret_access_key</c> (docs/configuration.md,
/// "Installation, usage report and telemetry"): only with a local or in-memory database, which one process owns, as
/// lakeFS does.
/// </summary>
internal static class InstallationBootstrap
{
    public static async Task<BootstrapOutcome> RunAsync(AuthService auth, TarnSettings settings, CancellationToken cancellationToken)
    {
        var installation = settings.Installation;
        if (!installation.HasAdmin || settings.Database.Type == DatabaseType.Postgres)
        {
            return BootstrapOutcome.NotConfigured;
        }

        if (await auth.Setup.IsInitializedAsync(cancellationToken))
        {
            return BootstrapOutcome.AlreadyInitialized;
        }

        var key = new AccessKeyPair(installation.AccessKeyId!.Reveal(), installation.SecretAccessKey!.Reveal());
        try
        {
            await auth.Setup.SetupAsync(installation.UserName!, key, cancellationToken);
        }
        catch (Core.TarnException error) when (error.Kind == Core.ErrorKind.AlreadyExists)
        {
            // Another start won the race; the installation is set up either way.
            return BootstrapOutcome.AlreadyInitialized;
        }

        await auth.Setup.MarkCommPrefsNotGivenAsync(cancellationToken);
        return BootstrapOutcome.Created;
    }
}
