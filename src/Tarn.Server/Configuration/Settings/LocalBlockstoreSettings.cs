namespace Tarn.Server.Configuration.Settings;

/// <summary><c>blockstore.local.*</c>.</summary>
public sealed record LocalBlockstoreSettings
{
    /// <summary>Absolute root directory (<c>~</c> already expanded).</summary>
    public required string Path { get; init; }

    /// <summary>Allow imports from local paths.</summary>
    public required bool ImportEnabled { get; init; }

    /// <summary>Include dot-files in imports.</summary>
    public required bool ImportHidden { get; init; }

    /// <summary>Report <c>pre_sign_support: true</c> in the storage configuration (a Tarn key; lakeFS reports false).</summary>
    public required bool AdvertisePreSigned { get; init; }

    /// <summary>Path prefixes outside <see cref="Path"/> that imports may read.</summary>
    public required IReadOnlyList<string> AllowedExternalPrefixes { get; init; }
}
