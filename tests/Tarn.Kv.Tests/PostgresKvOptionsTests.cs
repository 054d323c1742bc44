using Tarn.Kv.Postgres;

namespace Tarn.Kv.Tests;

/// <summary>Checks of the PostgreSQL store's options that need no server (the constructor does no I/O).</summary>
public sealed class PostgresKvOptionsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d";

    [Theory]
    [InlineData("")]
    [InlineData("1kv")]
    [InlineData("kv-table")]
    [InlineData("kv; DROP TABLE users")]
    [InlineData("a.b.c")]
    [InlineData("kv\"")]
    public void Table_names_that_are_not_plain_identifiers_are_rejected(string table)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgresKvStore(new PostgresKvOptions(Unreachable, TableName: table)));
    }

    [Theory]
    [InlineData("kv")]
    [InlineData("tarn.kv_2")]
    [InlineData("_Kv")]
    public async Task Plain_and_schema_qualified_table_names_are_accepted(string table)
    {
        await using var store = new PostgresKvStore(new PostgresKvOptions(Unreachable, TableName: table));
    }

    [Fact]
    public void At_least_one_connection_is_required()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgresKvStore(new PostgresKvOptions(Unreachable, MaxOpenConnections: 0)));
    }

    [Fact]
    public void Options_never_print_the_connection_string()
    {
        var options = new PostgresKvOptions("postgres://tarn:hunter2@localhost/db");

        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }
}
