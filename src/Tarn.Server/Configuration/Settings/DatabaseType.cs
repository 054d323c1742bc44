namespace Tarn.Server.Configuration.Settings;

/// <summary><c>database.type</c>: the metadata store Tarn opens.</summary>
public enum DatabaseType
{
    /// <summary>Embedded on-disk store under <c>database.local.path</c>.</summary>
    Local,

    /// <summary>PostgreSQL at <c>database.postgres.connection_string</c>.</summary>
    Postgres,

    /// <summary>In memory, lost at exit (tests).</summary>
    Mem,
}
