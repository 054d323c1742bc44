namespace Tarn.Server.Configuration.Sources;

/// <summary>
/// Finds the configuration file as lakeFS does (docs/configuration.md, "The configuration file"): the explicit
/// <c>--config</c> path, else the first <c>config.yaml</c> (or <c>config.yml</c>, which viper also finds) in the
/// working directory, <c>~/.lakefs/</c> and <c>/etc/lakefs/</c>, else the legacy <c>~/.lakefs.yaml</c>. No file at all
/// is fine.
/// </summary>
internal static class ConfigFileLocator
{
    private static readonly string[] FileNames = ["config.yaml", "config.yml"];

    /// <summary>The file to read, or null when there is none. An explicit path that does not exist is an error.</summary>
    public static string? Locate(ConfigLoadRequest request)
    {
        if (request.ConfigFile is { } explicitPath)
        {
            var full = PathExpander.Expand(explicitPath, request.HomeDirectory, request.WorkingDirectory);
            if (!File.Exists(full))
            {
                throw new ConfigurationException($"config file \"{full}\" not found");
            }

            return full;
        }

        string[] directories =
        [
            request.WorkingDirectory,
            Path.Combine(request.HomeDirectory, ".lakefs"),
            request.SystemConfigDirectory,
        ];
        foreach (var directory in directories)
        {
            foreach (var name in FileNames)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        var legacy = Path.Combine(request.HomeDirectory, ".lakefs.yaml");
        return File.Exists(legacy) ? Path.GetFullPath(legacy) : null;
    }
}
