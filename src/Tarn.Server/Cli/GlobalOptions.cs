using System.CommandLine;
using Tarn.Server.Configuration;

namespace Tarn.Server.Cli;

/// <summary>lakeFS's global flags: <c>--config/-c</c>, <c>--local-settings</c>, <c>--quickstart</c>.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "Configuration file (default: config.yaml in the working directory, ~/.lakefs/, /etc/lakefs/, or ~/.lakefs.yaml)",
        Recursive = true,
    };

    public Option<bool> LocalSettings { get; } = new("--local-settings")
    {
        Description = "Use local defaults: SQLite and local disk, a placeholder secret (not for production)",
        Recursive = true,
    };

    public Option<bool> Quickstart { get; } = new("--quickstart")
    {
        Description = "Local settings plus the well-known quickstart admin, listening on 127.0.0.1 (not for production)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Config);
        root.Add(LocalSettings);
        root.Add(Quickstart);
    }

    /// <summary>Loads the configuration the flags of <paramref name="parse"/> point at.</summary>
    public ConfigLoadResult Load(ParseResult parse)
    {
        var profile = parse.GetValue(Quickstart) ? ConfigProfile.Quickstart
            : parse.GetValue(LocalSettings) ? ConfigProfile.LocalSettings
            : ConfigProfile.None;
        return TarnConfiguration.Load(ConfigLoadRequest.ForCurrentProcess(parse.GetValue(Config), profile));
    }
}
