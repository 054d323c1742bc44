namespace Tarn.Server.Configuration.Settings;

/// <summary><c>blockstore.type</c>: where object data is stored.</summary>
public enum BlockstoreType
{
    /// <summary>A directory tree under <c>blockstore.local.path</c>; namespaces look like <c>local://name</c>.</summary>
    Local,

    /// <summary>In memory, lost at exit (<c>mem</c>, alias <c>memory</c>).</summary>
    Mem,

    /// <summary>Amazon S3 or an S3-compatible service.</summary>
    S3,
}
