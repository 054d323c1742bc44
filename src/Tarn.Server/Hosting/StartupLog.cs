using Tarn.Server.Configuration;

namespace Tarn.Server.Hosting;

/// <summary>Start-up log lines: the effective configuration (secrets shown as [SECRET]) and its warnings.</summary>
internal static partial class StartupLog
{
    public static void Configuration(ILogger logger, ConfigLoadResult loaded)
    {
        Loaded(logger, loaded.ConfigFile ?? "(none: defaults and environment only)");
        foreach (var line in loaded.Settings.Describe())
        {
            Setting(logger, line);
        }

        foreach (var warning in loaded.Warnings)
        {
            ConfigWarning(logger, warning);
        }

        if (loaded.UnmatchedEnvironmentVariables.Count > 0)
        {
            // Names only: clients keep credentials in LAKEFS_* variables too.
            UnmatchedVariables(logger, string.Join(", ", loaded.UnmatchedEnvironmentVariables));
        }
    }

    public static void Bootstrap(ILogger logger, BootstrapOutcome outcome, string? user)
    {
        if (outcome == BootstrapOutcome.Created)
        {
            AdminCreated(logger, user ?? "");
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Configuration loaded from {File}")]
    private static partial void Loaded(ILogger logger, string file);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "config: {Line}")]
    private static partial void Setting(ILogger logger, string line);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "config: {Warning}")]
    private static partial void ConfigWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "config: LAKEFS_* variables that name no configuration key were ignored: {Names}")]
    private static partial void UnmatchedVariables(ILogger logger, string names);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Installation set up with admin user {User} from installation.* settings")]
    private static partial void AdminCreated(ILogger logger, string user);
}
