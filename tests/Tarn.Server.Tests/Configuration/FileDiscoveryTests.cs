namespace Tarn.Server.Tests.Configuration;

public sealed class FileDiscoveryTests
{
    private static string Listen(int port) => $"listen_address: 127.0.0.1:{port}\n";

    [Fact]
    public void Working_directory_comes_first()
    {
        using var sandbox = Everywhere();

        var result = sandbox.Load();

        Assert.Equal(Path.Combine(sandbox.WorkingDirectory, "config.yaml"), result.ConfigFile);
        Assert.Equal(1, result.Settings.Server.ListenPort);
    }

    [Fact]
    public void Then_dot_lakefs_in_home()
    {
        using var sandbox = Everywhere();
        File.Delete(Path.Combine(sandbox.WorkingDirectory, "config.yaml"));

        Assert.Equal(2, sandbox.Load().Settings.Server.ListenPort);
    }

    [Fact]
    public void Then_the_system_directory()
    {
        using var sandbox = Everywhere();
        File.Delete(Path.Combine(sandbox.WorkingDirectory, "config.yaml"));
        File.Delete(Path.Combine(sandbox.HomeDirectory, ".lakefs", "config.yaml"));

        Assert.Equal(3, sandbox.Load().Settings.Server.ListenPort);
    }

    [Fact]
    public void Then_the_legacy_home_file()
    {
        using var sandbox = Everywhere();
        File.Delete(Path.Combine(sandbox.WorkingDirectory, "config.yaml"));
        File.Delete(Path.Combine(sandbox.HomeDirectory, ".lakefs", "config.yaml"));
        File.Delete(Path.Combine(sandbox.SystemDirectory, "config.yaml"));

        var result = sandbox.Load();

        Assert.Equal(Path.Combine(sandbox.HomeDirectory, ".lakefs.yaml"), result.ConfigFile);
        Assert.Equal(4, result.Settings.Server.ListenPort);
    }

    [Fact]
    public void Explicit_path_wins_over_discovery_and_may_be_relative()
    {
        using var sandbox = Everywhere();
        sandbox.WriteFile("cwd/conf/tarn.yaml", Listen(5));

        var result = sandbox.Load(configFile: "conf/tarn.yaml");

        Assert.Equal(Path.Combine(sandbox.WorkingDirectory, "conf", "tarn.yaml"), result.ConfigFile);
        Assert.Equal(5, result.Settings.Server.ListenPort);
    }

    [Fact]
    public void Explicit_path_that_does_not_exist_fails()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = Assert.Throws<Tarn.Server.Configuration.ConfigurationException>(() => sandbox.Load(configFile: "/nonexistent/tarn.yaml"));

        Assert.Contains("/nonexistent/tarn.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_yml_is_found_too()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.WriteFile("cwd/config.yml", Listen(6));

        Assert.Equal(6, sandbox.Load().Settings.Server.ListenPort);
    }

    private static ConfigSandbox Everywhere()
    {
        var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.WriteFile("cwd/config.yaml", Listen(1));
        sandbox.WriteFile("home/.lakefs/config.yaml", Listen(2));
        sandbox.WriteFile("etc-lakefs/config.yaml", Listen(3));
        sandbox.WriteFile("home/.lakefs.yaml", Listen(4));
        return sandbox;
    }
}
