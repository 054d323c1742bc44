using Tarn.Kv;
using Tarn.Kv.Postgres;
using Tarn.Kv.Sqlite;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>The one place that decides which metadata store serves <c>database.type</c>.</summary>
internal static class MetadataStoreFactory
{
    public static async Task<IKvStore> OpenAsync(DatabaseSettings database, CancellationToken cancellationToken) =>
        database.Type switch
        {
            // lakeFS's "local" is an embedded store in a directory; Tarn keeps one SQLite file there.
            DatabaseType.Local => new SqliteKvStore(SqliteKvOptions.ForDirectory(database.Local.Path, database.Local.SyncWrites)),
            DatabaseType.Postgres => await PostgresKvStore.OpenAsync(
                new PostgresKvOptions(database.Postgres.ConnectionString!.Reveal(), database.Postgres.MaxOpenConnections)
                {
                    ConnectionMaxLifetime = database.Postgres.ConnectionMaxLifetime,
                },
                cancellationToken),
            DatabaseType.Mem => new MemoryKvStore(),
            _ => throw new InvalidOperationException("Unhandled database.type " + database.Type),
        };
}
