using Tarn.Kv.Postgres;

namespace Tarn.Kv.Tests;

/// <summary>The PostgreSQL store against the shared contract; every test gets its own table.</summary>
public sealed class PostgresKvStoreContractTests : KvStoreContract
{
    private readonly List<string> _tables = [];
    private string? _connectionString;

    protected override async ValueTask<IKvStore> CreateStoreAsync()
    {
        _connectionString ??= PostgresTestDatabase.ConnectionStringWithoutCommitWait();
        var table = PostgresTestDatabase.UniqueTableName();
        _tables.Add(table);
        // A small pool, so a scan or a failure path that leaks a connection shows up as a hang here.
        return await PostgresKvStore.OpenAsync(new PostgresKvOptions(_connectionString, MaxOpenConnections: 8, TableName: table), Ct);
    }

    protected override async ValueTask CleanupAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresTestDatabase.DropTablesAsync(_connectionString, _tables);
        }
    }
}
