using Tarn.Core;

namespace Tarn.Blocks.Tests;

/// <summary>Listing: keys relative to the namespace, any-string prefixes, ascending UTF-8 byte order.</summary>
public abstract partial class BlockAdapterContract
{
    // In UTF-8 byte order '-' (2D) < '/' (2F) < '0' (30) < 'b' (62), and U+FFFD (EF BF BD) < U+1F600 (F0 9F 98 80),
    // although UTF-16 ordinal order puts the emoji's surrogates (D83D) first.
    private static readonly string[] SortedKeys = ["a-c", "a/b", "a/c/d", "a/c/e", "a0", "ab", "b", "\uFFFD", "\U0001F600"];

    [Fact]
    public async Task Listing_returns_every_key_in_utf8_byte_order_with_sizes()
    {
        foreach (var key in SortedKeys.Reverse())
        {
            await PutAsync(key, TestData.Bytes(key.Length + 3));
        }

        var listed = await Adapter.ListAsync(Namespace, "", Ct).ToListAsync(Ct);

        Assert.Equal(SortedKeys, listed.Select(entry => entry.Identifier));
        Assert.All(listed, entry => Assert.Equal(entry.Identifier.Length + 3, entry.Size));
        Assert.All(listed, entry => Assert.InRange(entry.LastModified, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Theory]
    [InlineData("a/", new[] { "a/b", "a/c/d", "a/c/e" })]
    [InlineData("a", new[] { "a-c", "a/b", "a/c/d", "a/c/e", "a0", "ab" })]
    [InlineData("a/c", new[] { "a/c/d", "a/c/e" })]
    [InlineData("a/c/", new[] { "a/c/d", "a/c/e" })]
    [InlineData("a/c/e", new[] { "a/c/e" })]
    [InlineData("zz", new string[0])]
    [InlineData("a/x/", new string[0])]
    [InlineData("b/", new string[0])]
    [InlineData("a-c/x", new string[0])]
    public async Task Listing_by_prefix_matches_any_string_prefix(string prefix, string[] expected)
    {
        foreach (var key in SortedKeys)
        {
            await PutAsync(key, [1]);
        }

        var listed = await Adapter.ListAsync(Namespace, prefix, Ct).ToListAsync(Ct);

        Assert.Equal(expected, listed.Select(entry => entry.Identifier));
    }

    [Fact]
    public async Task Listing_stays_inside_its_namespace()
    {
        var sibling = StorageNamespace.Parse(Namespace.Canonical + "2");
        await Adapter.PutAsync(ObjectPointer.Relative(sibling, "outside"), new MemoryStream([1]), 1, Ct);
        await PutAsync("inside", [1]);

        var listed = await Adapter.ListAsync(Namespace, "", Ct).ToListAsync(Ct);

        Assert.Equal(["inside"], listed.Select(entry => entry.Identifier));
    }

    [Fact]
    public async Task Listing_an_unused_namespace_is_empty()
    {
        Assert.Empty(await Adapter.ListAsync(Namespace, "", Ct).ToListAsync(Ct));
        Assert.Empty(await Adapter.ListAsync(Namespace, "data/", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Listing_does_not_show_uploads_in_progress_or_deleted_objects()
    {
        await PutAsync("kept", [1]);
        await PutAsync("gone", [1]);
        await Adapter.DeleteAsync(Key("gone"), Ct);
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("pending"), Ct);
        await Adapter.UploadPartAsync(Key("pending"), uploadId, 1, new MemoryStream([1, 2]), 2, Ct);

        var listed = await Adapter.ListAsync(Namespace, "", Ct).ToListAsync(Ct);

        Assert.Equal(["kept"], listed.Select(entry => entry.Identifier));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("/abs")]
    [InlineData("a\0")]
    public async Task Unsafe_listing_prefixes_are_refused(string prefix)
    {
        var error = await Assert.ThrowsAnyAsync<TarnException>(async () => await Adapter.ListAsync(Namespace, prefix, Ct).ToListAsync(Ct));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}
