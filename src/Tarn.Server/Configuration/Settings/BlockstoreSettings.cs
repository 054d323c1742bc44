namespace Tarn.Server.Configuration.Settings;

/// <summary><c>blockstore.*</c>: which block adapter, and the settings of each kind.</summary>
public sealed record BlockstoreSettings
{
    public required BlockstoreType Type { get; init; }

    /// <summary>Storage-namespace prefix suggested to users when they create a repository.</summary>
    public string? DefaultNamespacePrefix { get; init; }

    public required LocalBlockstoreSettings Local { get; init; }

    public required S3BlockstoreSettings S3 { get; init; }
}
