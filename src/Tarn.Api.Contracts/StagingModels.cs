namespace Tarn.Api.Contracts;

/// <summary>
/// Where a client may write an object's data itself (schema <c>StagingLocation</c>): answer of
/// <c>getPhysicalAddress</c>, and part of <see cref="StagingMetadata"/>. The presigned fields are present
/// only when presign was asked for and the block store supports it.
/// </summary>
public sealed record StagingLocation
{
    /// <summary>The fully qualified address; always sent by the server.</summary>
    public string? PhysicalAddress { get; init; }

    /// <summary>A URL to PUT the data to, when presign was asked for.</summary>
    public string? PresignedUrl { get; init; }

    /// <summary>Unix seconds after which <see cref="PresignedUrl"/> stops working.</summary>
    public long? PresignedUrlExpiry { get; init; }
}

/// <summary>Body of <c>linkPhysicalAddress</c> (schema <c>StagingMetadata</c>): register data written to a staging location.</summary>
public sealed record StagingMetadata
{
    /// <summary>Only its <see cref="StagingLocation.PhysicalAddress"/> is used.</summary>
    public required StagingLocation Staging { get; init; }

    /// <summary>The store's ETag; surrounding quotes and spaces are stripped.</summary>
    public required string Checksum { get; init; }

    public required long SizeBytes { get; init; }

    public IReadOnlyDictionary<string, string>? UserMetadata { get; init; }

    public string? ContentType { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Answer of <c>createPresignMultipartUpload</c> (schema <c>PresignMultipartUpload</c>).</summary>
public sealed record PresignMultipartUpload
{
    public required string UploadId { get; init; }

    public required string PhysicalAddress { get; init; }

    /// <summary>One PUT URL per part, for parts 1..n; absent when no parts were asked for.</summary>
    public IReadOnlyList<string>? PresignedUrls { get; init; }
}

/// <summary>Body of <c>completePresignMultipartUpload</c> (schema <c>CompletePresignMultipartUpload</c>).</summary>
public sealed record CompletePresignMultipartUpload
{
    public required string PhysicalAddress { get; init; }

    /// <summary>The uploaded parts in ascending part-number order.</summary>
    public required IReadOnlyList<UploadPart> Parts { get; init; }

    public IReadOnlyDictionary<string, string>? UserMetadata { get; init; }

    public string? ContentType { get; init; }
}

/// <summary>Body of <c>abortPresignMultipartUpload</c> (schema <c>AbortPresignMultipartUpload</c>).</summary>
public sealed record AbortPresignMultipartUpload
{
    public required string PhysicalAddress { get; init; }
}

/// <summary>One uploaded part of a presigned multipart upload (schema <c>UploadPart</c>).</summary>
public sealed record UploadPart
{
    public required int PartNumber { get; init; }

    /// <summary>The ETag the store returned for the part's PUT.</summary>
    public required string Etag { get; init; }
}
