using Tarn.Server.Configuration;

namespace Tarn.Server.Tests.Configuration;

/// <summary>
/// Fresh temporary directories standing in for the working directory, the home directory and /etc/lakefs,
/// plus an environment of the test's own, so loading never touches the real machine's configuration.
/// </summary>
internal sealed class ConfigSandbox : IDisposable
{
    /// <summary>A 40-byte secret, long enough not to warn.</summary>
    public const string GoodSecret = "0123456789abcdef0123456789abcdef01234567";

    private readonly string _root = Directory.CreateTempSubdirectory("tarn-config-").FullName;

    public ConfigSandbox()
    {
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(SystemDirectory);
    }

    public string WorkingDirectory => Path.Combine(_root, "cwd");

    public string HomeDirectory => Path.Combine(_root, "home");

    public string SystemDirectory => Path.Combine(_root, "etc-lakefs");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets the three required keys through the environment.</summary>
    public ConfigSandbox WithRequiredKeys()
    {
        Environment["LAKEFS_DATABASE_TYPE"] = "mem";
        Environment["LAKEFS_BLOCKSTORE_TYPE"] = "mem";
        Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = GoodSecret;
        return this;
    }

    /// <summary>Writes <paramref name="yaml"/> to a file under the sandbox and returns its full path.</summary>
    public string WriteFile(string relativePath, string yaml)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public ConfigLoadResult Load(ConfigProfile profile = ConfigProfile.None, string? configFile = null) =>
        TarnConfiguration.Load(new ConfigLoadRequest
        {
            ConfigFile = configFile,
            Profile = profile,
            Environment = Environment,
            WorkingDirectory = WorkingDirectory,
            HomeDirectory = HomeDirectory,
            SystemConfigDirectory = SystemDirectory,
        });

    /// <summary>Loads with <paramref name="yaml"/> as <c>./config.yaml</c>.</summary>
    public ConfigLoadResult LoadYaml(string yaml, ConfigProfile profile = ConfigProfile.None)
    {
        WriteFile("cwd/config.yaml", yaml);
        return Load(profile);
    }

    public ConfigurationException LoadFails(ConfigProfile profile = ConfigProfile.None) =>
        Assert.Throws<ConfigurationException>(() => Load(profile));

    public ConfigurationException LoadYamlFails(string yaml, ConfigProfile profile = ConfigProfile.None) =>
        Assert.Throws<ConfigurationException>(() => LoadYaml(yaml, profile));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
