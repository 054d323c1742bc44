using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Configuration;

/// <summary>What <see cref="TarnConfiguration.Load"/> produced, with what the caller should log.</summary>
public sealed record ConfigLoadResult
{
    public required TarnSettings Settings { get; init; }

    /// <summary>Problems that do not stop the server (ignored keys, short secret, profile not for production); never contain secret values.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Absolute path of the file that was read, or null when none was found.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Names (never values) of <c>LAKEFS_*</c> variables that match no key and were skipped; worth a debug line.</summary>
    public required IReadOnlyList<string> UnmatchedEnvironmentVariables { get; init; }
}
