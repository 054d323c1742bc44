using System.Security.Cryptography;
using Tarn.Core;

namespace Tarn.Blocks.Tests;

/// <summary>Multipart uploads: S3 semantics with small parts (the 5 MiB minimum is not enforced here).</summary>
public abstract partial class BlockAdapterContract
{
    private static readonly byte[][] ThreeParts = [TestData.Bytes(1000, seed: 11), TestData.Bytes(1, seed: 12), TestData.Bytes(2500, seed: 13)];

    [Fact]
    public async Task Three_parts_join_in_order_with_the_s3_multipart_etag()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        // Parts may arrive in any order; the completion list decides the order.
        var etags = new string[3];
        foreach (var number in new[] { 3, 1, 2 })
        {
            var part = await UploadPartAsync("mp", uploadId, number, ThreeParts[number - 1]);
            Assert.Equal(TestData.Md5Hex(ThreeParts[number - 1]), part.ETag);
            Assert.Equal(ThreeParts[number - 1].Length, part.Size);
            etags[number - 1] = part.ETag;
        }

        var written = await Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, Parts(etags), Ct);

        var whole = ThreeParts.SelectMany(part => part).ToArray();
        var expectedETag = Convert.ToHexStringLower(MD5.HashData(ThreeParts.SelectMany(MD5.HashData).ToArray())) + "-3";
        Assert.Equal(whole.Length, written.Size);
        Assert.Equal(expectedETag, written.ETag);
        Assert.Equal(whole, await GetAsync(Key("mp")));
        Assert.Equal(whole.Length, (await Adapter.HeadAsync(Key("mp"), Ct))!.Size);
    }

    [Fact]
    public async Task Upload_ids_are_unique_and_url_safe()
    {
        var first = await Adapter.CreateMultipartUploadAsync(Key("a"), Ct);
        var second = await Adapter.CreateMultipartUploadAsync(Key("a"), Ct);

        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{20,}$", first);
    }

    [Fact]
    public async Task Completion_accepts_quoted_uppercase_etags_and_a_subset_of_parts()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        var first = await UploadPartAsync("mp", uploadId, 1, ThreeParts[0]);
        await UploadPartAsync("mp", uploadId, 2, ThreeParts[1]);
        var third = await UploadPartAsync("mp", uploadId, 3, ThreeParts[2]);

        var written = await Adapter.CompleteMultipartUploadAsync(
            Key("mp"), uploadId, [new(1, $"\"{first.ETag.ToUpperInvariant()}\""), new(3, third.ETag)], Ct);

        Assert.EndsWith("-2", written.ETag, StringComparison.Ordinal);
        Assert.Equal(ThreeParts[0].Concat(ThreeParts[2]).ToArray(), await GetAsync(Key("mp")));
    }

    [Fact]
    public async Task Uploading_a_part_again_replaces_it()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        await UploadPartAsync("mp", uploadId, 1, ThreeParts[0]);
        var replacement = await UploadPartAsync("mp", uploadId, 1, ThreeParts[2]);

        await Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, replacement.ETag)], Ct);

        Assert.Equal(ThreeParts[2], await GetAsync(Key("mp")));
    }

    [Fact]
    public async Task An_aborted_upload_is_gone_and_stores_nothing()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        var part = await UploadPartAsync("mp", uploadId, 1, ThreeParts[0]);

        await Adapter.AbortMultipartUploadAsync(Key("mp"), uploadId, Ct);

        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(
            () => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, part.ETag)], Ct));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => UploadPartAsync("mp", uploadId, 2, [1]));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => Adapter.AbortMultipartUploadAsync(Key("mp"), uploadId, Ct));
        Assert.Null(await Adapter.HeadAsync(Key("mp"), Ct));
    }

    [Fact]
    public async Task A_completed_upload_cannot_be_used_again()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        var part = await UploadPartAsync("mp", uploadId, 1, ThreeParts[0]);
        await Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, part.ETag)], Ct);

        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(
            () => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, part.ETag)], Ct));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../etc")]
    [InlineData("")]
    public async Task Unknown_upload_ids_are_not_found(string uploadId)
    {
        var error = await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => UploadPartAsync("mp", uploadId, 1, [1]));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(
            () => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, "00")], Ct));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => Adapter.AbortMultipartUploadAsync(Key("mp"), uploadId, Ct));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task An_upload_id_belongs_to_its_object_only()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mine"), Ct);

        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => UploadPartAsync("theirs", uploadId, 1, [1]));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => Adapter.AbortMultipartUploadAsync(Key("theirs"), uploadId, Ct));
    }

    public static TheoryData<int[], string[], InvalidPartListReason> BadPartLists => new()
    {
        { [], [], InvalidPartListReason.Empty },
        { [1, 2, 4], ["ok", "ok", "ok"], InvalidPartListReason.PartMissing },
        { [1, 2, 3], ["ok", "0123456789abcdef0123456789abcdef", "ok"], InvalidPartListReason.ETagMismatch },
        { [2, 1, 3], ["ok", "ok", "ok"], InvalidPartListReason.NotAscending },
        { [1, 1, 2], ["ok", "ok", "ok"], InvalidPartListReason.NotAscending },
        { [0, 1], ["ok", "ok"], InvalidPartListReason.PartNumberOutOfRange },
        { [1, 10001], ["ok", "ok"], InvalidPartListReason.PartNumberOutOfRange },
    };

    [Theory]
    [MemberData(nameof(BadPartLists))]
    public async Task A_bad_part_list_stores_nothing_and_keeps_the_upload_open(int[] numbers, string[] etags, InvalidPartListReason reason)
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        var uploaded = new Dictionary<int, string>();
        for (var number = 1; number <= 3; number++)
        {
            uploaded[number] = (await UploadPartAsync("mp", uploadId, number, ThreeParts[number - 1])).ETag;
        }

        var parts = numbers.Select((number, i) => new CompletedPart(number, etags[i] == "ok" ? uploaded.GetValueOrDefault(number, "00") : etags[i])).ToList();
        var error = await Assert.ThrowsAsync<InvalidPartListException>(() => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, parts, Ct));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Null(await Adapter.HeadAsync(Key("mp"), Ct));
        await Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, Parts([uploaded[1], uploaded[2], uploaded[3]]), Ct);
        Assert.Equal(ThreeParts.SelectMany(part => part).ToArray(), await GetAsync(Key("mp")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task Part_numbers_outside_1_to_10000_are_refused(int partNumber)
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);

        var error = await Assert.ThrowsAnyAsync<TarnException>(() => UploadPartAsync("mp", uploadId, partNumber, [1]));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task A_part_with_a_wrong_size_is_not_stored()
    {
        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);

        var error = await Assert.ThrowsAnyAsync<TarnException>(
            () => Adapter.UploadPartAsync(Key("mp"), uploadId, 1, new MemoryStream(ThreeParts[0]), 10, Ct));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        var missing = await Assert.ThrowsAsync<InvalidPartListException>(
            () => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, TestData.Md5Hex(ThreeParts[0]))], Ct));
        Assert.Equal(InvalidPartListReason.PartMissing, missing.Reason);
    }

    private Task<UploadedPart> UploadPartAsync(string key, string uploadId, int number, byte[] data) =>
        Adapter.UploadPartAsync(Key(key), uploadId, number, new MemoryStream(data), data.Length, Ct);

    private static List<CompletedPart> Parts(IEnumerable<string> etags) =>
        etags.Select((etag, i) => new CompletedPart(i + 1, etag)).ToList();
}
