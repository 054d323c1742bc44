namespace Tarn.Load.Baselines;

/// <summary>The reference workloads a scenario is compared with in the same run.</summary>
internal enum BaselineKind
{
    /// <summary>Bare Kestrel GET answering a static byte array of the object size (no work at all).</summary>
    BareGet,

    /// <summary>Bare Kestrel PUT draining the body and answering 204.</summary>
    BarePut,

    /// <summary>Bare Kestrel serving a file of the object size from disk (sendfile).</summary>
    StaticFile,

    /// <summary>Write the object size to a new file and fsync it, no HTTP.</summary>
    DiskFsync,

    /// <summary>One durable SQLite insert (WAL, synchronous=FULL, its own transaction), no HTTP.</summary>
    SqliteInsert,
}
