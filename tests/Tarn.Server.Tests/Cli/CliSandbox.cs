namespace Tarn.Server.Tests.Cli;

/// <summary>
/// A throw-away home and working directory for runs of the <c>tarn</c> executable, and the <c>LAKEFS_*</c>
/// variables those runs get. An empty <c>config.yaml</c> sits in the working directory, which is searched
/// first, so no configuration file of the machine (<c>~/.lakefs</c>, <c>/etc/lakefs</c>) can reach a test.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    /// <summary>A 40-byte master secret: long enough not to warn, and not the placeholder.</summary>
    public const string MasterSecret = "cli-tests-0123456789abcdef0123456789abcd";

    private readonly string _root = Directory.CreateTempSubdirectory("tarn-cli-").FullName;

    public CliSandbox()
    {
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(WorkingDirectory);
        WriteConfig("# empty: settings come from LAKEFS_* variables\n");
    }

    /// <summary>The child's <c>HOME</c>; <c>~/lakefs</c> of the profiles ends up here.</summary>
    public string HomeDirectory => Path.Combine(_root, "home");

    public string WorkingDirectory => Path.Combine(_root, "work");

    /// <summary><c>LAKEFS_*</c> variables set for the child; inherited ones are removed.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>SQLite and local blocks under the sandbox, the test secret, and a random loopback port.</summary>
    public CliSandbox WithLocalStores()
    {
        Variables["LAKEFS_DATABASE_TYPE"] = "local";
        Variables["LAKEFS_DATABASE_LOCAL_PATH"] = Path.Combine(_root, "metadata");
        Variables["LAKEFS_BLOCKSTORE_TYPE"] = "local";
        Variables["LAKEFS_BLOCKSTORE_LOCAL_PATH"] = Path.Combine(_root, "blocks");
        Variables["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = MasterSecret;
        // If a run that should fail starts serving instead, it must not take a port someone else uses.
        Variables["LAKEFS_LISTEN_ADDRESS"] = "127.0.0.1:0";
        return this;
    }

    /// <summary>Replaces the working directory's <c>config.yaml</c>, the file <c>tarn</c> finds first.</summary>
    public string WriteConfig(string yaml)
    {
        var path = Path.Combine(WorkingDirectory, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory must not hide the test's own outcome.
        }
    }
}
