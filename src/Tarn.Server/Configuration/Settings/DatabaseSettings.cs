namespace Tarn.Server.Configuration.Settings;

/// <summary><c>database.*</c>: which metadata store, and the settings of each kind.</summary>
public sealed record DatabaseSettings
{
    public required DatabaseType Type { get; init; }

    public required LocalDatabaseSettings Local { get; init; }

    public required PostgresSettings Postgres { get; init; }
}
