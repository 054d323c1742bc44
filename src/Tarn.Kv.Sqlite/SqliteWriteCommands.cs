using Microsoft.Data.Sqlite;

namespace Tarn.Kv.Sqlite;

/// <summary>
/// The writer connection's four statements, prepared once and reused for every op, so a batch costs
/// parameter binding and stepping only.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand _set;
    private readonly SqliteCommand _insertIfAbsent;
    private readonly SqliteCommand _updateIfValue;
    private readonly SqliteCommand _delete;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _set = Create(connection, $"""
            INSERT INTO {SqliteSchema.Table} (partition, key, value) VALUES ($partition, $key, $value)
            ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value
            """, withValue: true);
        _insertIfAbsent = Create(connection, $"""
            INSERT INTO {SqliteSchema.Table} (partition, key, value) VALUES ($partition, $key, $value)
            ON CONFLICT (partition, key) DO NOTHING
            """, withValue: true);
        _updateIfValue = Create(connection, $"""
            UPDATE {SqliteSchema.Table} SET value = $value
            WHERE partition = $partition AND key = $key AND value = $expected
            """, withValue: true, withExpected: true);
        _delete = Create(connection, $"""
            DELETE FROM {SqliteSchema.Table} WHERE partition = $partition AND key = $key
            """);
    }

    /// <summary>Runs one op inside <paramref name="transaction"/>; false when a condition did not hold.</summary>
    public bool Execute(SqliteWriteOp op, SqliteTransaction transaction)
    {
        var command = op.Kind switch
        {
            SqliteWriteKind.Set => _set,
            SqliteWriteKind.SetIfAbsent => _insertIfAbsent,
            SqliteWriteKind.SetIfValue => _updateIfValue,
            SqliteWriteKind.Delete => _delete,
            _ => throw new InvalidOperationException($"Unknown write kind {op.Kind}."),
        };
        command.Transaction = transaction;
        command.Parameters["$partition"].Value = op.Partition;
        command.Parameters["$key"].Value = op.Key;
        if (command.Parameters.Contains("$value"))
        {
            command.Parameters["$value"].Value = op.Value;
        }

        if (command.Parameters.Contains("$expected"))
        {
            command.Parameters["$expected"].Value = op.Expected;
        }

        var changed = command.ExecuteNonQuery();
        return op.Kind is SqliteWriteKind.Set or SqliteWriteKind.Delete || changed == 1;
    }

    public void Dispose()
    {
        _set.Dispose();
        _insertIfAbsent.Dispose();
        _updateIfValue.Dispose();
        _delete.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, bool withValue = false, bool withExpected = false)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$partition", SqliteType.Text);
        command.Parameters.Add("$key", SqliteType.Blob);
        if (withValue)
        {
            command.Parameters.Add("$value", SqliteType.Blob);
        }

        if (withExpected)
        {
            command.Parameters.Add("$expected", SqliteType.Blob);
        }

        command.Prepare();
        return command;
    }
}
