namespace Tarn.Server.Configuration.Sources;

/// <summary>Expands <c>~</c> and <c>~/…</c> to the home directory and makes relative paths absolute against the working directory.</summary>
internal static class PathExpander
{
    public static string Expand(string path, string homeDirectory, string workingDirectory)
    {
        if (path == "~")
        {
            return Path.GetFullPath(homeDirectory);
        }

        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(homeDirectory, path[2..]));
        }

        return Path.GetFullPath(path, Path.GetFullPath(workingDirectory));
    }
}
