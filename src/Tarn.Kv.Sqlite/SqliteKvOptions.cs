namespace Tarn.Kv.Sqlite;

/// <summary>Where and how <see cref="SqliteKvStore"/> keeps its single database file.</summary>
/// <param name="Path">The database file; its directory is created when missing.</param>
/// <param name="SyncWrites">
/// True (the default): every acknowledged write is fsynced (<c>synchronous=FULL</c>) and survives a
/// crash of the process and a loss of power. False (<c>synchronous=NORMAL</c>): acknowledged writes
/// still survive a crash of the process, but the last ones may be lost on power loss.
/// </param>
public sealed record SqliteKvOptions(string Path, bool SyncWrites = true)
{
    /// <summary>The file name used inside a lakeFS-style <c>database.local.path</c> directory.</summary>
    public const string DefaultFileName = "tarn.db";

    /// <summary>How many idle read connections are kept open for reuse.</summary>
    public int MaxIdleReadConnections { get; init; } = 8;

    /// <summary>
    /// Options for lakeFS's <c>database.type: local</c>, whose <c>database.local.path</c> names a
    /// directory rather than a file: the database is <see cref="DefaultFileName"/> inside it.
    /// </summary>
    public static SqliteKvOptions ForDirectory(string directory, bool syncWrites = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new SqliteKvOptions(System.IO.Path.Combine(directory, DefaultFileName), syncWrites);
    }
}
