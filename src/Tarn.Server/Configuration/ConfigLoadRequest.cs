using System.Collections;

namespace Tarn.Server.Configuration;

/// <summary>
/// Everything <see cref="TarnConfiguration.Load"/> reads from the outside world, passed in so tests can supply
/// their own environment and directories. Production code builds it with <see cref="ForCurrentProcess"/>.
/// </summary>
public sealed record ConfigLoadRequest
{
    /// <summary>The <c>--config/-c</c> path, or null to search the usual places.</summary>
    public string? ConfigFile { get; init; }

    public ConfigProfile Profile { get; init; } = ConfigProfile.None;

    /// <summary>Environment variables; only <c>LAKEFS_*</c> names matching a known key are read.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Where <c>./config.yaml</c> is looked for and relative paths are resolved.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>What <c>~</c> expands to, and where <c>~/.lakefs/config.yaml</c> and <c>~/.lakefs.yaml</c> are looked for.</summary>
    public required string HomeDirectory { get; init; }

    /// <summary>The system-wide configuration directory; tests point it at a temporary directory.</summary>
    public string SystemConfigDirectory { get; init; } = "/etc/lakefs";

    /// <summary>A request for this process: its environment variables, current directory and home directory.</summary>
    public static ConfigLoadRequest ForCurrentProcess(string? configFile, ConfigProfile profile) => new()
    {
        ConfigFile = configFile,
        Profile = profile,
        Environment = ToDictionary(System.Environment.GetEnvironmentVariables()),
        WorkingDirectory = Directory.GetCurrentDirectory(),
        HomeDirectory = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
    };

    /// <summary>Copies the untyped result of <see cref="System.Environment.GetEnvironmentVariables()"/>.</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
