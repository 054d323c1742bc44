using System.Globalization;
using Npgsql;
using Tarn.Kv.Postgres;

namespace Tarn.Kv.Tests;

/// <summary>What only the PostgreSQL store has: its table, its connection strings, its pool.</summary>
public sealed class PostgresKvStoreTests : IAsyncDisposable
{
    private readonly List<string> _tables = [];
    private readonly string _connectionString = PostgresTestDatabase.ConnectionString();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await PostgresTestDatabase.DropTablesAsync(_connectionString, _tables);

    [Fact]
    public async Task OpenAsync_creates_the_table_and_a_second_store_shares_it()
    {
        var table = NewTable();
        await using var first = await PostgresKvStore.OpenAsync(new PostgresKvOptions(_connectionString, TableName: table), Ct);
        Assert.True(await PostgresTestDatabase.TableExistsAsync(_connectionString, table));
        await first.SetAsync("p", new byte[] { 1 }, new byte[] { 2 }, Ct);

        await using var second = await PostgresKvStore.OpenAsync(new PostgresKvOptions(_connectionString, TableName: table), Ct);

        Assert.Equal([2], (await second.GetAsync("p", new byte[] { 1 }, Ct))!.Value);
    }

    [Fact]
    public async Task The_constructor_does_no_io_and_the_first_operation_creates_the_table()
    {
        var table = NewTable();
        await using var store = new PostgresKvStore(new PostgresKvOptions(_connectionString, TableName: table));
        Assert.False(await PostgresTestDatabase.TableExistsAsync(_connectionString, table));

        Assert.Null(await store.GetAsync("p", new byte[] { 1 }, Ct));
        Assert.True(await PostgresTestDatabase.TableExistsAsync(_connectionString, table));
    }

    [Fact]
    public async Task A_lakefs_style_url_connection_string_reaches_the_server()
    {
        var parts = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsql(_connectionString));
        var url = string.Create(
            CultureInfo.InvariantCulture,
            $"postgres://{Uri.EscapeDataString(parts.Username!)}:{Uri.EscapeDataString(parts.Password ?? "")}@{parts.Host}:{parts.Port}/{Uri.EscapeDataString(parts.Database!)}?sslmode=disable&application_name=tarn-tests");
        await using var store = await PostgresKvStore.OpenAsync(new PostgresKvOptions(url, TableName: NewTable()), Ct);

        await store.SetAsync("p", new byte[] { 1 }, new byte[] { 2 }, Ct);

        Assert.Equal([2], (await store.GetAsync("p", new byte[] { 1 }, Ct))!.Value);
    }

    [Fact]
    public async Task One_connection_is_enough_for_concurrent_callers_and_writes_inside_a_scan()
    {
        // Scans hold no connection between batches, so deleting from inside a scan cannot deadlock
        // even when the pool has a single connection.
        await using var store = await PostgresKvStore.OpenAsync(
            new PostgresKvOptions(_connectionString, MaxOpenConnections: 1, TableName: NewTable()), Ct);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.SetAsync("p", new[] { (byte)i }, new[] { (byte)i }, Ct).AsTask()));

        var seen = 0;
        await foreach (var entry in store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, Ct))
        {
            await store.DeleteAsync("p", entry.Key, Ct);
            seen++;
        }

        Assert.Equal(50, seen);
        await foreach (var _ in store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, Ct))
        {
            Assert.Fail("every entry was deleted");
        }
    }

    [Fact]
    public async Task A_wrong_password_fails_at_open_without_revealing_it()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsql(_connectionString))
        {
            Password = "wrong-secret-4711",
        };

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
            await PostgresKvStore.OpenAsync(new PostgresKvOptions(builder.ConnectionString, TableName: NewTable()), Ct));

        Assert.DoesNotContain("wrong-secret-4711", error.ToString(), StringComparison.Ordinal);
    }

    private string NewTable()
    {
        var table = PostgresTestDatabase.UniqueTableName();
        _tables.Add(table);
        return table;
    }
}
