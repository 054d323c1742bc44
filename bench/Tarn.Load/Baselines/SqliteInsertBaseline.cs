using Microsoft.Data.Sqlite;
using Tarn.Load.Running;

namespace Tarn.Load.Baselines;

/// <summary>
/// Raw SQLite insert rate: one connection, WAL, <c>synchronous=FULL</c>, each insert its own (durable) transaction,
/// callers serialized on the connection. What a metadata store without group commit pays per durable write.
/// </summary>
internal sealed class SqliteInsertBaseline : IWorkload
{
    private static readonly byte[] Value = new byte[200];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _directory = "";
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteParameter? _key;

    public string Name => "sqlite-insert";

    public long BytesPerOperation => 0;

    public long Capacity => long.MaxValue;

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        _directory = Directory.CreateTempSubdirectory("tarn-load-sqlite-").FullName;
        _connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "baseline.db")};Pooling=False");
        _connection.Open();
        using (var schema = _connection.CreateCommand())
        {
            schema.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE kv(k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID;";
            schema.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO kv(k, v) VALUES ($k, $v)";
        _key = _insert.Parameters.Add("$k", SqliteType.Blob);
        _insert.Parameters.AddWithValue("$v", Value);
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        // Waiting asynchronously keeps blocked callers off thread-pool threads; the insert itself is synchronous.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _key!.Value = BitConverter.GetBytes(operation);
            _insert!.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        _insert?.Dispose();
        _connection?.Dispose();
        if (_directory.Length > 0)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
