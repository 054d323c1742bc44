using Microsoft.AspNetCore.Http;
using Tarn.Api.Objects;
using Tarn.Catalog.Entries;

namespace Tarn.Api.Tests.Objects;

public sealed class ObjectHeadersTests
{
    [Theory]
    [InlineData("5d41402abc4b2a76b9719d911017c592", "\"5d41402abc4b2a76b9719d911017c592\"")]
    [InlineData("abc-3", "\"abc-3\"")]
    [InlineData("\"already-quoted\"", "\"already-quoted\"")]
    [InlineData("", "\"\"")]
    public void The_etag_is_the_checksum_in_quotes_unless_it_starts_with_one(string checksum, string eTag) =>
        Assert.Equal(eTag, ObjectHeaders.ETag(checksum));

    [Fact]
    public void Last_modified_is_rfc_1123_in_gmt()
    {
        Assert.Equal("Mon, 02 Jan 2006 15:04:05 GMT", ObjectHeaders.LastModified(new DateTimeOffset(2006, 1, 2, 8, 4, 5, TimeSpan.FromHours(-7))));
        Assert.Equal("Thu, 01 Jan 1970 00:00:00 GMT", ObjectHeaders.LastModified(null));
    }

    [Fact]
    public void Object_answers_carry_lakefs_s_headers()
    {
        var response = new DefaultHttpContext().Response;
        var entry = new ObjectEntry
        {
            Address = "data/x",
            Size = 10,
            Checksum = "abc",
            ContentType = "text/csv",
            LastModified = DateTimeOffset.UnixEpoch.AddSeconds(1),
        };

        ObjectHeaders.Apply(response, entry);

        Assert.Equal("\"abc\"", response.Headers.ETag);
        Assert.Equal("Thu, 01 Jan 1970 00:00:01 GMT", response.Headers.LastModified);
        Assert.Equal("text/csv", response.ContentType);
        Assert.Equal("bytes", response.Headers.AcceptRanges);
        Assert.Equal("no-store, must-revalidate", response.Headers.CacheControl);
        Assert.Equal("0", response.Headers.Expires);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.Equal("SAMEORIGIN", response.Headers.XFrameOptions);
        Assert.Equal("default-src 'none'", response.Headers.ContentSecurityPolicy);
    }

    [Theory]
    [InlineData(null, 200, 10L, null)]
    [InlineData("bytes=2-4", 206, 3L, "bytes 2-4/10")]
    [InlineData("bytes=20-", 416, null, "bytes */10")]
    public void The_range_sets_status_length_and_content_range(string? header, int status, long? length, string? contentRange)
    {
        var response = new DefaultHttpContext().Response;

        ObjectHeaders.ApplyRange(response, RangeHeader.Select(header, 10));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(length, response.ContentLength);
        Assert.Equal(contentRange, response.Headers.ContentRange.ToString() is { Length: > 0 } value ? value : null);
    }
}
