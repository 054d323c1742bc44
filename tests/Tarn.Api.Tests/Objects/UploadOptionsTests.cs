using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tarn.Api.Objects;
using Tarn.Core;

namespace Tarn.Api.Tests.Objects;

public sealed class UploadOptionsTests
{
    [Fact]
    public void Metadata_headers_become_lowercased_keys_with_their_first_value()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers["X-Lakefs-Meta-Owner"] = "Jane";
        request.Headers["x-lakefs-meta-TEAM"] = new StringValues(["Data", "Ignored"]);
        request.Headers["X-LAKEFS-INTERNAL-Origin"] = "ui";
        request.Headers["X-Lakefs-Meta-"] = "no name";
        request.Headers["X-Amz-Meta-Other"] = "gateway only";
        request.Headers["Content-Type"] = "text/plain";

        var options = UploadOptions.FromRequest(request);

        Assert.Equal(
            new Dictionary<string, string> { ["owner"] = "Jane", ["team"] = "Data", ["::lakefs::origin"] = "ui" },
            options.UserMetadata);
        Assert.False(options.IfNoneMatchAll);
        Assert.Null(options.StorageClass);
    }

    [Fact]
    public void If_none_match_star_asks_for_absence_and_storage_class_is_read_from_the_query()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfNoneMatch = "*";
        request.QueryString = new QueryString("?path=a&storageClass=GLACIER");

        var options = UploadOptions.FromRequest(request);

        Assert.True(options.IfNoneMatchAll);
        Assert.Equal("GLACIER", options.StorageClass);
        Assert.Empty(options.UserMetadata);
    }

    [Fact]
    public void An_empty_if_none_match_counts_as_none()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfNoneMatch = "";

        Assert.False(UploadOptions.FromRequest(request).IfNoneMatchAll);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("W/\"abc\"")]
    [InlineData("* ")]
    public void Any_other_if_none_match_is_a_400(string value)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfNoneMatch = value;

        var error = Assert.Throws<TarnException>(() => UploadOptions.FromRequest(request));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("Unsupported value for If-None-Match - Only \"*\" is supported", error.Message);
    }
}
