using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations.Multipart;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>The paging rules of ListMultipartUploads, without a server.</summary>
public sealed class UploadListingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // In listing order: key, then initiation time.
    private static readonly MultipartUpload[] Ordered =
    [
        Upload("u1", "main", "a.bin", 0),
        Upload("u2", "main", "b/1.bin", 1),
        Upload("u3", "main", "b/2.bin", 2),
        Upload("u5", "main", "c.bin", 3),
        Upload("u4", "main", "c.bin", 4),
        Upload("u6", "main", "d/x/1.bin", 5),
    ];

    [Fact]
    public void Without_parameters_everything_is_listed()
    {
        var page = UploadListing.Page(Ordered, "", "", "", "", 1000);

        Assert.Equal(["u1", "u2", "u3", "u5", "u4", "u6"], page.Uploads.Select(u => u.UploadId));
        Assert.False(page.IsTruncated);
        Assert.Equal(("main/d/x/1.bin", "u6"), (page.NextKeyMarker, page.NextUploadIdMarker));
    }

    [Fact]
    public void A_delimiter_rolls_keys_up_into_common_prefixes_that_count_once()
    {
        var page = UploadListing.Page(Ordered, "main/", "/", "", "", 3);

        Assert.Equal(["u1", "u5"], page.Uploads.Select(u => u.UploadId));
        Assert.Equal(["main/b/"], page.CommonPrefixes);
        Assert.True(page.IsTruncated);
        Assert.Equal(("main/c.bin", "u5"), (page.NextKeyMarker, page.NextUploadIdMarker));
    }

    [Fact]
    public void A_page_ending_on_a_common_prefix_resumes_after_all_of_it()
    {
        var first = UploadListing.Page(Ordered, "main/", "/", "", "", 2);
        var second = UploadListing.Page(Ordered, "main/", "/", first.NextKeyMarker, first.NextUploadIdMarker, 10);

        Assert.Equal(("main/b/", ""), (first.NextKeyMarker, first.NextUploadIdMarker));
        Assert.True(first.IsTruncated);
        Assert.Equal(["u5", "u4"], second.Uploads.Select(u => u.UploadId));
        Assert.Equal(["main/d/"], second.CommonPrefixes);
    }

    [Fact]
    public void Paging_one_at_a_time_visits_every_upload_once_in_order()
    {
        var seen = new List<string>();
        var (keyMarker, uploadIdMarker, truncated) = ("", "", true);
        while (truncated)
        {
            var page = UploadListing.Page(Ordered, "", "", keyMarker, uploadIdMarker, 1);
            seen.AddRange(page.Uploads.Select(u => u.UploadId));
            (keyMarker, uploadIdMarker, truncated) = (page.NextKeyMarker, page.NextUploadIdMarker, page.IsTruncated);
        }

        Assert.Equal(["u1", "u2", "u3", "u5", "u4", "u6"], seen);
    }

    [Fact]
    public void A_key_marker_alone_skips_every_upload_of_that_key() =>
        Assert.Equal(["u6"], UploadListing.Page(Ordered, "", "", "main/c.bin", "", 10).Uploads.Select(u => u.UploadId));

    [Fact]
    public void An_upload_id_marker_without_a_key_marker_is_ignored() =>
        Assert.Equal(6, UploadListing.Page(Ordered, "", "", "", "u3", 10).Uploads.Count);

    [Fact]
    public void An_upload_id_marker_that_is_gone_resumes_at_the_first_upload_of_the_key() =>
        Assert.Equal(["u5", "u4", "u6"], UploadListing.Page(Ordered, "", "", "main/c.bin", "gone", 10).Uploads.Select(u => u.UploadId));

    [Theory]
    [InlineData(null, 1000)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("5000", 1000)]
    [InlineData("99999999999999999999", 1000)]
    public void Max_uploads_defaults_to_and_is_capped_at_1000(string? text, int expected) =>
        Assert.Equal(expected, UploadListing.ParseMaxUploads(text));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void A_bad_max_uploads_is_InvalidArgument(string text) =>
        Assert.Equal("InvalidArgument", Assert.Throws<S3ErrorException>(() => UploadListing.ParseMaxUploads(text)).Error.Code);

    private static MultipartUpload Upload(string id, string branch, string path, int minute) =>
        new(id, "repo", branch, path, "data/" + id, Start.AddMinutes(minute), null, new Dictionary<string, string>(), "alice");
}
