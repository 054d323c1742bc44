using Microsoft.Data.Sqlite;
using Tarn.Kv.Sqlite;

namespace Tarn.Kv.Tests;

/// <summary>The SQLite store against the shared contract, plus what only a file-backed store has.</summary>
public sealed class SqliteKvStoreTests : KvStoreContract
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override ValueTask<IKvStore> CreateStoreAsync() =>
        ValueTask.FromResult<IKvStore>(new SqliteKvStore(new SqliteKvOptions(_directory.File($"kv-{++_files}.db"))));

    protected override ValueTask CleanupAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Acknowledged_writes_are_there_after_reopening()
    {
        var path = _directory.File("reopen.db");
        await using (var store = new SqliteKvStore(new SqliteKvOptions(path)))
        {
            await store.SetAsync("p", B("kept"), B("v"), Ct);
            await store.SetAsync("p", B("gone"), B("v"), Ct);
            await store.DeleteAsync("p", B("gone"), Ct);
        }

        await using var reopened = new SqliteKvStore(new SqliteKvOptions(path));

        Assert.Equal(B("v"), (await reopened.GetAsync("p", B("kept"), Ct))!.Value);
        Assert.Null(await reopened.GetAsync("p", B("gone"), Ct));
    }

    [Fact]
    public async Task The_file_is_a_wal_mode_database_with_the_documented_table()
    {
        var path = _directory.File("nested/deeper/kv.db");
        await using (var store = new SqliteKvStore(new SqliteKvOptions(path)))
        {
            await store.SetAsync("p", B("k"), B("v"), Ct);
        }

        // A clean close folds the write-ahead log back into the file.
        Assert.False(File.Exists(path + "-wal"));
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        var ddl = (string)(await ScalarAsync(connection, "SELECT sql FROM sqlite_master WHERE name = 'kv'"))!;
        Assert.Contains("WITHOUT ROWID", ddl, StringComparison.Ordinal);
        Assert.Equal("blob", await ScalarAsync(connection, "SELECT typeof(key) FROM kv"));
    }

    [Fact]
    public async Task ForDirectory_keeps_the_database_inside_the_directory()
    {
        var directory = _directory.File("lakefs-local");
        var options = SqliteKvOptions.ForDirectory(directory);
        await using (var store = new SqliteKvStore(options))
        {
            await store.SetAsync("p", B("k"), B("v"), Ct);
        }

        Assert.Equal(Path.Combine(directory, SqliteKvOptions.DefaultFileName), options.Path);
        Assert.True(File.Exists(options.Path));
    }

    [Fact]
    public async Task Without_sync_writes_the_store_behaves_the_same()
    {
        await using var store = new SqliteKvStore(new SqliteKvOptions(_directory.File("nosync.db"), SyncWrites: false));
        await FillAsync(store, "p", 100);

        Assert.Equal(100, (await ScanAllAsync(store, "p")).Count);
    }

    [Fact]
    public async Task Dispose_finishes_every_queued_write()
    {
        var path = _directory.File("drain.db");
        var store = new SqliteKvStore(new SqliteKvOptions(path));
        var pending = Enumerable.Range(0, 500).Select(i => store.SetAsync("p", NumberedKey(i), B("v"), Ct).AsTask()).ToList();

        await store.DisposeAsync();

        await Task.WhenAll(pending);
        await using var reopened = new SqliteKvStore(new SqliteKvOptions(path));
        Assert.Equal(500, (await ScanAllAsync(reopened, "p")).Count);
    }

    [Fact]
    public async Task A_disposed_store_refuses_work()
    {
        var store = new SqliteKvStore(new SqliteKvOptions(_directory.File("disposed.db")));
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.SetAsync("p", B("k"), B("v"), Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.GetAsync("p", B("k"), Ct));
        Assert.Throws<ObjectDisposedException>(() => store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, Ct));
    }

    [Fact]
    public async Task Queued_writes_apply_in_call_order_and_see_each_other()
    {
        await using var store = new SqliteKvStore(new SqliteKvOptions(_directory.File("order.db")));

        // Not awaited one by one: the group-commit loop is likely to take all of them in one batch,
        // and each conditional write must still see the writes called before it.
        var set = store.SetAsync("p", B("k"), B("a"), Ct).AsTask();
        var firstSwap = store.SetIfAsync("p", B("k"), B("b"), KvPredicate.ValueIs(B("a")), Ct).AsTask();
        var staleSwap = store.SetIfAsync("p", B("k"), B("c"), KvPredicate.ValueIs(B("a")), Ct).AsTask();
        var delete = store.DeleteAsync("p", B("k"), Ct).AsTask();
        var recreate = store.SetIfAsync("p", B("k"), B("d"), KvPredicate.Absent, Ct).AsTask();
        await Task.WhenAll(set, delete);

        Assert.True(await firstSwap);
        Assert.False(await staleSwap);
        Assert.True(await recreate);
        Assert.Equal(B("d"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task A_write_that_fails_does_not_fail_the_writes_committed_beside_it()
    {
        var path = _directory.File("poison.db");
        await using (var store = new SqliteKvStore(new SqliteKvOptions(path)))
        {
            await store.SetAsync("p", B("seed"), B("v"), Ct);
        }

        // A trigger makes exactly one key unwritable, standing in for any error of a single op.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER reject_poison BEFORE INSERT ON kv WHEN NEW.key = CAST('poison' AS BLOB) BEGIN SELECT RAISE(ABORT, 'poison rejected'); END";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var reopened = new SqliteKvStore(new SqliteKvOptions(path));
        var good = Enumerable.Range(0, 200).Select(i => reopened.SetAsync("p", NumberedKey(i), B("v"), Ct).AsTask()).ToList();
        var poison = reopened.SetAsync("p", B("poison"), B("v"), Ct).AsTask();
        good.AddRange(Enumerable.Range(200, 200).Select(i => reopened.SetAsync("p", NumberedKey(i), B("v"), Ct).AsTask()));

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await poison);
        Assert.Contains("poison rejected", error.Message, StringComparison.Ordinal);
        await Task.WhenAll(good);
        Assert.Equal(401, (await ScanAllAsync(reopened, "p")).Count);
        Assert.Null(await reopened.GetAsync("p", B("poison"), Ct));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
