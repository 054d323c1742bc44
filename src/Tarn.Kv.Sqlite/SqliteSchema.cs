using Microsoft.Data.Sqlite;

namespace Tarn.Kv.Sqlite;

/// <summary>The database file's layout and the connection settings of its writer and readers.</summary>
internal static class SqliteSchema
{
    public const string Table = "kv";

    // BLOB keys compare with memcmp (then by length), which is exactly unsigned byte order. STRICT
    // rejects a key or value bound as anything but a BLOB, which would sort in a different class.
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS kv (
            partition TEXT NOT NULL,
            key BLOB NOT NULL,
            value BLOB NOT NULL,
            PRIMARY KEY (partition, key)
        ) WITHOUT ROWID, STRICT
        """;

    public static string WriterConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        // The store keeps its connections itself; the global pool would keep the file open after dispose.
        Pooling = false,
    }.ToString();

    public static string ReaderConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
    }.ToString();

    /// <summary>Opens the writer connection: WAL, the requested durability, and the table.</summary>
    public static SqliteConnection OpenWriter(SqliteKvOptions options)
    {
        var connection = new SqliteConnection(WriterConnectionString(options.Path));
        try
        {
            connection.Open();
            // WAL lets readers run beside the writer, and a commit costs one append + fsync of the log.
            var mode = Scalar(connection, "PRAGMA journal_mode=WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"SQLite could not switch '{options.Path}' to WAL mode (got '{mode}'); the file system may not support it.");
            }

            // FULL fsyncs the log at every commit, so an acknowledged write survives power loss;
            // NORMAL in WAL mode still survives a crash of the process.
            Execute(connection, options.SyncWrites ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            // On macOS a plain fsync does not reach the platter; elsewhere this pragma is a no-op.
            Execute(connection, options.SyncWrites ? "PRAGMA fullfsync=ON" : "PRAGMA fullfsync=OFF");
            Execute(connection, CreateTable);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
