using Tarn.Kv;
using Tarn.Kv.Sqlite;

namespace Tarn.Versioning.Tests.Refs;

/// <summary>The KV stores the ref and staging tests run on: in memory, and SQLite in a temp directory.</summary>
internal static class TestStores
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";

    public static TheoryData<string> All => new(Memory, Sqlite);

    public static (IKvStore Store, string? Directory) Create(string kind)
    {
        if (kind == Memory)
        {
            return (new MemoryKvStore(), null);
        }

        var directory = Path.Combine(Path.GetTempPath(), "tarn-versioning-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return (new SqliteKvStore(SqliteKvOptions.ForDirectory(directory, syncWrites: false)), directory);
    }
}
