using System.Text.RegularExpressions;

namespace Tarn.Kv.Postgres;

/// <summary>The statements of a <see cref="PostgresKvStore"/>, written once for its (validated) table name.</summary>
internal sealed partial class PostgresKvSql
{
    public PostgresKvSql(string tableName)
    {
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"The table name '{tableName}' must be an identifier (letters, digits, underscores), optionally schema-qualified.",
                nameof(tableName));
        }

        var table = string.Join('.', tableName.Split('.').Select(part => $"\"{part}\""));
        // BYTEA compares bytewise as unsigned bytes (then by length): exactly the contract's key order.
        // "C" collation makes partition matching plain byte equality whatever the database's locale.
        CreateTable = $"""
            CREATE TABLE IF NOT EXISTS {table} (
                partition_key TEXT COLLATE "C" NOT NULL,
                key BYTEA NOT NULL,
                value BYTEA NOT NULL,
                PRIMARY KEY (partition_key, key))
            """;
        Get = $"SELECT value FROM {table} WHERE partition_key = $1 AND key = $2";
        Set = $"""
            INSERT INTO {table} (partition_key, key, value) VALUES ($1, $2, $3)
            ON CONFLICT (partition_key, key) DO UPDATE SET value = EXCLUDED.value
            """;
        InsertIfAbsent = $"""
            INSERT INTO {table} (partition_key, key, value) VALUES ($1, $2, $3)
            ON CONFLICT (partition_key, key) DO NOTHING
            """;
        // Under READ COMMITTED a concurrent update makes this statement wait, then re-check the WHERE
        // clause against the new row: exactly one of two racing swaps from the same value wins.
        UpdateIfValue = $"UPDATE {table} SET value = $3 WHERE partition_key = $1 AND key = $2 AND value = $4";
        Delete = $"DELETE FROM {table} WHERE partition_key = $1 AND key = $2";
        ScanFrom = $"SELECT key, value FROM {table} WHERE partition_key = $1 AND key >= $2 ORDER BY key LIMIT $3";
        ScanAfter = $"SELECT key, value FROM {table} WHERE partition_key = $1 AND key > $2 ORDER BY key LIMIT $3";
    }

    public string CreateTable { get; }

    public string Get { get; }

    public string Set { get; }

    public string InsertIfAbsent { get; }

    public string UpdateIfValue { get; }

    public string Delete { get; }

    public string ScanFrom { get; }

    public string ScanAfter { get; }

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex TableNamePattern();
}
