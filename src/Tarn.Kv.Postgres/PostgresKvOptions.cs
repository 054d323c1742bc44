namespace Tarn.Kv.Postgres;

/// <summary>How <see cref="PostgresKvStore"/> reaches PostgreSQL (lakeFS's <c>database.postgres</c> section).</summary>
/// <param name="ConnectionString">
/// An Npgsql keyword string (<c>Host=…;Username=…</c>), a libpq URL as lakeFS takes it
/// (<c>postgres://user:pass@host:5432/db?sslmode=disable</c>) or a libpq keyword/value string
/// (<c>host=… user=…</c>); see <see cref="PostgresConnectionString"/>.
/// </param>
/// <param name="MaxOpenConnections">The most connections open at once (lakeFS's <c>max_open_connections</c>).</param>
/// <param name="TableName">
/// The table holding the entries, optionally schema-qualified (<c>schema.table</c>); letters, digits and
/// underscores only. It is created when missing. Tests use a unique name to isolate themselves.
/// </param>
public sealed record PostgresKvOptions(string ConnectionString, int MaxOpenConnections = 25, string TableName = "kv")
{
    /// <summary>Connections older than this are closed when returned (lakeFS's <c>connection_max_lifetime</c>).</summary>
    public TimeSpan ConnectionMaxLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Leaves the connection string out: it usually carries a password.</summary>
    public override string ToString() =>
        $"PostgresKvOptions {{ MaxOpenConnections = {MaxOpenConnections}, TableName = {TableName}, ConnectionMaxLifetime = {ConnectionMaxLifetime} }}";
}
