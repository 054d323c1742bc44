namespace Tarn.Server.Tests.Docs;

/// <summary>
/// docs/configuration.md, read from the repository: its text, and the rows of its key tables
/// (<c>| `key` | type | default | status | what Tarn does |</c>).
/// </summary>
internal sealed class ConfigurationDoc
{
    private const int KeyTableColumns = 5;

    private ConfigurationDoc(string path, string text)
    {
        Path = path;
        Text = text;
        Rows = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == KeyTableColumns)
            .Select(cells => new Row(cells[0].Trim('`'), cells[1], cells[2], cells[3]))
            .ToList();
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The key-table rows, in document order.</summary>
    public IReadOnlyList<Row> Rows { get; }

    public static ConfigurationDoc Load()
    {
        var path = System.IO.Path.Combine(RepositoryRoot(), "docs", "configuration.md");
        Assert.True(File.Exists(path), $"{path} is missing");
        return new ConfigurationDoc(path, File.ReadAllText(path));
    }

    /// <summary>The nearest folder above the test binaries that holds Tarn.slnx.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Tarn.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tarn.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>One documented key: the cells as written (the key without its backticks).</summary>
    public sealed record Row(string Key, string Type, string Default, string Status);
}
