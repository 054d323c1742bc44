using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarn.Load.Reporting;

/// <summary>Writes the run as a snake_case JSON file (the input of the figures table in docs/performance.md).</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(string path, RunReport report, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written to a temporary name and moved, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, report, Options, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
