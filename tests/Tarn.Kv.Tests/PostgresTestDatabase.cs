using Npgsql;
using Tarn.Kv.Postgres;

namespace Tarn.Kv.Tests;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>TARN_TEST_POSTGRES</c>. Without it the tests
/// skip locally, but fail under <c>CI=true</c>: CI starts PostgreSQL, so a missing server there is a
/// broken setup, not a reason to go green.
/// </summary>
internal static class PostgresTestDatabase
{
    public const string Variable = "TARN_TEST_POSTGRES";

    public static string ConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Variable} is not set: CI must start PostgreSQL");
        }

        Assert.Skip($"PostgreSQL tests skipped: set {Variable}");
        return "";
    }

    /// <summary>
    /// The server's connection string with <c>synchronous_commit=off</c> for this session: the contract
    /// checks what the store does (order, CAS, scans), not PostgreSQL's own fsync, which costs several
    /// milliseconds per commit on this machine and would make the suite slow.
    /// </summary>
    public static string ConnectionStringWithoutCommitWait()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsql(ConnectionString()));
        builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim();
        return builder.ConnectionString;
    }

    /// <summary>A table name no other test uses, so tests can run side by side and drop what they made.</summary>
    public static string UniqueTableName() => $"kv_test_{Guid.NewGuid():N}";

    public static async Task DropTablesAsync(string connectionString, IEnumerable<string> tables)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.ToNpgsql(connectionString));
        foreach (var table in tables)
        {
            await using var command = dataSource.CreateCommand($"DROP TABLE IF EXISTS \"{table}\"");
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    public static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.ToNpgsql(connectionString));
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"\"{table}\"" });
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
