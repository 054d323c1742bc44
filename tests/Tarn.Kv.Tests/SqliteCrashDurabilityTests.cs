using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Tarn.Kv.Sqlite;

namespace Tarn.Kv.Tests;

/// <summary>
/// Acknowledged means durable: a child process (Tarn.Kv.CrashWriter) writes with many concurrent
/// writers and prints each key after its write completed; we SIGKILL it mid-stream and check that
/// every printed key is in the file.
/// </summary>
public sealed class SqliteCrashDurabilityTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 2_000;
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9()
    {
        var database = _directory.File("crash.db");
        var acknowledged = await RunWriterAndKillAsync(database);

        Assert.True(acknowledged.Count >= AcknowledgementsBeforeKill);
        await using (var store = new SqliteKvStore(new SqliteKvOptions(database)))
        {
            foreach (var i in acknowledged)
            {
                var entry = await store.GetAsync("crash", Key(i), Ct);
                Assert.True(entry is not null, $"acknowledged key {i} is missing after the crash");
                Assert.Equal(Value(i), entry.Value);
            }
        }

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync(Ct));
    }

    private static async Task<HashSet<int>> RunWriterAndKillAsync(string database)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add(database);
        start.ArgumentList.Add("64");

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Ct);
        var acknowledged = new HashSet<int>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (acknowledged.Count < AcknowledgementsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    Assert.Fail($"the writer exited before the kill: {await errors}");
                }

                acknowledged.Add(int.Parse(line, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            // SIGKILL: no finally blocks, no dispose, no flush in the child.
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(Ct);
        // Lines still in the pipe were printed after their writes completed, so they count too; a
        // last line without its newline may be cut short and is ignored.
        var rest = (await process.StandardOutput.ReadToEndAsync(Ct)).Split('\n');
        foreach (var line in rest[..^1])
        {
            acknowledged.Add(int.Parse(line, CultureInfo.InvariantCulture));
        }

        return acknowledged;
    }

    // The same formats as tests/Tarn.Kv.CrashWriter/Program.cs.
    private static byte[] Key(int i) => System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"key-{i:D8}"));

    private static byte[] Value(int i) => System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"value-{i}-{new string('x', 100)}"));

    private static string CrashWriterPath()
    {
        // Written into this assembly by the RecordCrashWriterPath target of Tarn.Kv.Tests.csproj.
        var path = typeof(SqliteCrashDurabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "CrashWriterPath").Value;
        Assert.True(File.Exists(path), $"the crash writer was not built at {path}");
        return path!;
    }

    private static string DotnetHost()
    {
        // The dotnet CLI names itself to the processes it starts; otherwise rely on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
