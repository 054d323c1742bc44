using Xunit;

namespace Tarn.Testing;

/// <summary>
/// Gates for suites that need something outside the repository. Locally a missing dependency skips
/// with a message; under CI (<c>CI=true</c>) it fails, because CI promises to provide it.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (in CI) the current test because <paramref name="what"/> is missing.</summary>
    public static void Require(bool available, string what)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{what} is missing, and CI must provide it.");
        }

        Assert.Skip($"{what} is missing; skipped outside CI.");
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding Tarn.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tarn.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Tarn.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The read-only folder beside the repository that holds the lakeFS OpenAPI file the contract tests read.</summary>
    public static string SharedDirectory =>
        Environment.GetEnvironmentVariable("TARN_SHARED_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The lakeFS v1.12.1 OpenAPI file, or a skip/failure when it is not there.</summary>
    public static string RequireLakeFsSpec()
    {
        var path = Path.Combine(SharedDirectory, "reference", "lakefs-api-v1.12.1.yml");
        Require(File.Exists(path), $"The lakeFS OpenAPI file ({path})");
        return path;
    }
}
