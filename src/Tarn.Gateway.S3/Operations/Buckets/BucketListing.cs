using System.Globalization;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Gateway.S3.Errors;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>
/// The listing behind ListObjects v1 and v2 (docs/gateway.md, "Listing"). The prefix is read as
/// <c>&lt;ref&gt;/&lt;path-prefix&gt;</c>: without a <c>/</c> it lists branches as common prefixes
/// <c>&lt;branch&gt;/</c>; with one it lists the ref's objects, every key and prefix carrying <c>&lt;ref&gt;/</c>.
/// </summary>
public sealed class BucketListing(VersionController versions, ObjectCatalog catalog)
{
    /// <summary>The page size when <c>max-keys</c> is absent or unparsable.</summary>
    public const int DefaultMaxKeys = 1000;

    /// <summary>The largest page served; s3a asks for 5000 by default.</summary>
    public const int MaxMaxKeys = 10_000;

    /// <summary><c>max-keys</c> as served: default when absent, unparsable or negative, capped at <see cref="MaxMaxKeys"/>.</summary>
    public static int ParseMaxKeys(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, MaxMaxKeys)
            : DefaultMaxKeys;

    /// <summary>
    /// One page: <paramref name="after"/> is the marker / token / start-after (a key, <c>ref/path</c>);
    /// an unknown ref gives an empty page, a malformed prefix, marker or ref expression 400 <c>BadRequest</c>.
    /// </summary>
    public async Task<BucketListingPage> ListAsync(
        string repositoryId, string prefix, string delimiter, string after, int maxKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(after);
        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return await ListBranchesAsync(repositoryId, prefix, after, maxKeys, cancellationToken);
        }

        var reference = prefix[..slash];
        var pathPrefix = prefix[(slash + 1)..];
        var afterPath = "";
        if (after.Length > 0)
        {
            var afterSlash = after.IndexOf('/', StringComparison.Ordinal);
            if (afterSlash < 0 || !string.Equals(after[..afterSlash], reference, StringComparison.OrdinalIgnoreCase))
            {
                throw new S3ErrorException(S3Errors.BadRequest, "The marker must name the same ref as the prefix.");
            }

            afterPath = after[(afterSlash + 1)..];
        }

        if (maxKeys <= 0)
        {
            return new BucketListingPage([], [], false);
        }

        try
        {
            var page = await catalog.ListAsync(repositoryId, reference, pathPrefix, delimiter, afterPath, maxKeys, cancellationToken);
            var contents = new List<(string, ObjectEntry)>();
            var prefixes = new List<string>();
            var order = new List<string>();
            foreach (var item in page.Items)
            {
                var key = reference + "/" + item.Path;
                if (item.Entry is { } entry)
                {
                    contents.Add((key, entry));
                }
                else
                {
                    prefixes.Add(key);
                }

                order.Add(key);
            }

            return new BucketListingPage(contents, prefixes, page.HasMore) { LastKey = order.Count > 0 ? order[^1] : null };
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            return new BucketListingPage([], [], false);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.InvalidArgument)
        {
            throw new S3ErrorException(S3Errors.BadRequest, e.Message);
        }
    }

    private async Task<BucketListingPage> ListBranchesAsync(
        string repositoryId, string prefix, string after, int maxKeys, CancellationToken cancellationToken)
    {
        // The marker is a branch name (the last one returned), possibly with the '/' of its common prefix.
        var afterSlash = after.IndexOf('/', StringComparison.Ordinal);
        string? afterBranch = after.Length == 0 ? null : afterSlash < 0 ? after : after[..afterSlash];
        var branches = new List<string>();
        var hasMore = false;
        while (maxKeys > 0)
        {
            var page = await versions.ListBranchesAsync(
                repositoryId, new PageRequest(prefix, afterBranch, PageRequest.MaxAmount), cancellationToken);
            foreach (var branch in page.Items)
            {
                if (branches.Count == maxKeys)
                {
                    hasMore = true;
                    break;
                }

                branches.Add(branch.Id);
            }

            if (hasMore || !page.HasMore || page.Items.Count == 0)
            {
                break;
            }

            afterBranch = page.Items[^1].Id;
        }

        return new BucketListingPage([], [.. branches.Select(b => b + "/")], hasMore)
        {
            LastKey = branches.Count > 0 ? branches[^1] : null,
        };
    }
}
