namespace Tarn.Server.Configuration.Settings;

/// <summary><c>database.local.*</c>.</summary>
public sealed record LocalDatabaseSettings
{
    /// <summary>Absolute directory of the embedded store (<c>~</c> already expanded).</summary>
    public required string Path { get; init; }

    /// <summary>Flush every write to disk.</summary>
    public required bool SyncWrites { get; init; }
}
