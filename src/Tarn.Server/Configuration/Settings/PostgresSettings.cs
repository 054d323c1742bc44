namespace Tarn.Server.Configuration.Settings;

/// <summary><c>database.postgres.*</c>; the connection string is set whenever the database type is Postgres.</summary>
public sealed record PostgresSettings
{
    /// <summary>e.g. <c>postgres://user:pass@host:5432/db?sslmode=disable</c>; secret.</summary>
    public SecretValue? ConnectionString { get; init; }

    public required int MaxOpenConnections { get; init; }

    public required int MaxIdleConnections { get; init; }

    public required TimeSpan ConnectionMaxLifetime { get; init; }
}
