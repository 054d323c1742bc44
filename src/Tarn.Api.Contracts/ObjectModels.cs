namespace Tarn.Api.Contracts;

/// <summary>
/// An object or, in a delimited listing, a common prefix (schema <c>ObjectStats</c>). A common prefix still
/// carries the required fields, as <c>""</c> and 0 (docs/http-api.md, "JSON shapes").
/// </summary>
public sealed record ObjectStats
{
    public required string Path { get; init; }

    public required PathType PathType { get; init; }

    /// <summary>The fully qualified storage URI, or a presigned HTTP URL when presign was asked for.</summary>
    public required string PhysicalAddress { get; init; }

    /// <summary>Unix seconds after which a presigned <see cref="PhysicalAddress"/> stops working.</summary>
    public long? PhysicalAddressExpiry { get; init; }

    public required string Checksum { get; init; }

    public long? SizeBytes { get; init; }

    /// <summary>Unix seconds; 0 when the entry carries no time.</summary>
    public required long Mtime { get; init; }

    /// <summary>User metadata; when it is present depends on the operation (docs/http-api.md, "JSON shapes").</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public string? ContentType { get; init; }
}

/// <summary>Answer of <c>listObjects</c> (schema <c>ObjectStatsList</c>).</summary>
public sealed record ObjectStatsList(Pagination Pagination, IReadOnlyList<ObjectStats> Results);

/// <summary>Body of the internal <c>stageObject</c> (schema <c>ObjectStageCreation</c>): register data that is already stored.</summary>
public sealed record ObjectStageCreation
{
    /// <summary>A full URI of the configured block store.</summary>
    public required string PhysicalAddress { get; init; }

    public required string Checksum { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>Unix seconds; absent means now.</summary>
    public long? Mtime { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public string? ContentType { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Body of <c>copyObject</c> (schema <c>ObjectCopyCreation</c>).</summary>
public sealed record ObjectCopyCreation
{
    public required string SrcPath { get; init; }

    /// <summary>Where to read the source; absent or empty means the destination branch.</summary>
    public string? SrcRef { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Body of <c>deleteObjects</c> (schema <c>PathList</c>): at most 1000 paths.</summary>
public sealed record PathList
{
    public required IReadOnlyList<string> Paths { get; init; }
}

/// <summary>Answer of <c>deleteObjects</c> (schema <c>ObjectErrorList</c>): one item per path that failed, possibly none.</summary>
public sealed record ObjectErrorList(IReadOnlyList<ObjectError> Errors);

/// <summary>Why one path of a bulk delete failed (schema <c>ObjectError</c>).</summary>
public sealed record ObjectError(int StatusCode, string Message, string? Path = null);

/// <summary>
/// Answer of <c>getUnderlyingProperties</c> (schema <c>UnderlyingObjectProperties</c>): <c>{}</c> when the
/// store reports no storage class (local, mem, S3 STANDARD).
/// </summary>
public sealed record UnderlyingObjectProperties(string? StorageClass = null);
