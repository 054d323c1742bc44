using System.Globalization;
using System.Text;
using Tarn.Kv.Sqlite;

// Writes keys 0, 1, 2, … into a SQLite store from many concurrent writers and prints each number on
// its own line only after its SetAsync completed, i.e. after the store acknowledged it. The test kills
// this process with SIGKILL part-way and checks that every printed key is in the file.
// Usage: Tarn.Kv.CrashWriter <database file> <writers>
// The key and value formats are repeated in SqliteCrashDurabilityTests; keep them in step.
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var writers) || writers < 1)
{
    await Console.Error.WriteLineAsync("usage: Tarn.Kv.CrashWriter <database file> <writers>");
    return 2;
}

// Bounded, so a test that forgets to kill it does not leave it running for long.
const int MaxKeys = 200_000;
const string Partition = "crash";
var next = -1;
var output = Console.Out;

await using var store = new SqliteKvStore(new SqliteKvOptions(args[0]));
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var i = Interlocked.Increment(ref next);
        if (i >= MaxKeys)
        {
            return;
        }

        await store.SetAsync(
            Partition,
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"key-{i:D8}")),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"value-{i}-{new string('x', 100)}")));
        // Console.Out is synchronized and flushes every line, so the line reaches the pipe right here.
        await output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture));
    }
})));

return 0;
