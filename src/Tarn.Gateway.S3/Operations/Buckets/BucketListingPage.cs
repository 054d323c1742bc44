using Tarn.Catalog.Entries;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>One page of a bucket listing: objects and common prefixes, both as full keys (<c>ref/...</c>).</summary>
/// <param name="Contents">Objects in key order.</param>
/// <param name="CommonPrefixes">Common prefixes (or <c>branch/</c> entries) in key order.</param>
/// <param name="IsTruncated">Whether more items follow this page.</param>
public sealed record BucketListingPage(
    IReadOnlyList<(string Key, ObjectEntry Entry)> Contents, IReadOnlyList<string> CommonPrefixes, bool IsTruncated)
{
    /// <summary>The marker to resume after: the last key or prefix returned (a bare branch name when listing branches).</summary>
    public string? LastKey { get; init; }

    /// <summary>Items on the page (S3's <c>KeyCount</c>).</summary>
    public int KeyCount => Contents.Count + CommonPrefixes.Count;
}
