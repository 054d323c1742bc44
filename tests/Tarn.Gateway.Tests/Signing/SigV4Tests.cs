using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.Tests.Signing;

public sealed class SigV4Tests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    // AWS's published "GET Object" example of the SigV4 header signature (S3 API reference, sig-v4-header-based-auth).
    [Fact]
    public void The_published_aws_example_signs_to_the_published_signature()
    {
        var headers = new HeaderDictionary
        {
            ["Host"] = "examplebucket.s3.amazonaws.com",
            ["Range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = SigV4.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
        };
        var authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
        var query = S3Query.Parse("");
        var signature = SigV4Parser.ParseHeader(authorization, query, headers);

        var canonical = SigV4CanonicalRequest.Build("GET", new RawRequestTarget("/test.txt", ""), query, headers, signature, SigV4.EmptySha256);
        var computed = SigV4.Sign(SigV4.SigningKey(Secret, signature.Credential), SigV4.StringToSign(signature.AmzDate, signature.Credential.Scope, canonical));

        Assert.Equal(signature.Signature, computed);
    }

    [Theory]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a+b", "/a%2Bb")]
    [InlineData("/a%2Fb", "/a/b")]
    [InlineData("/a//b/../c/", "/a//b/../c/")]
    [InlineData("/%7e~%E2%9C%93", "/~~%E2%9C%93")]
    [InlineData("", "/")]
    public void The_canonical_uri_decodes_once_and_reencodes_s3_style(string raw, string expected) =>
        Assert.Equal(expected, SigV4CanonicalRequest.CanonicalUri(raw));

    [Fact]
    public void The_canonical_query_sorts_encodes_and_drops_the_presign_signature()
    {
        var query = S3Query.Parse("uploads&prefix=a%2Fb+c&X-Amz-Signature=abc&a=2&a=1&k%20ey=v%7E");

        Assert.Equal("a=1&a=2&k%20ey=v~&prefix=a%2Fb%2Bc&uploads=", SigV4CanonicalRequest.CanonicalQuery(query, presigned: true));
    }

    [Fact]
    public void Header_values_are_trimmed_collapsed_and_joined()
    {
        Assert.Equal("a b c,d", SigV4CanonicalRequest.CanonicalHeaderValue(["  a   b \t c ", "d"]));
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=zz")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/2013/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")]
    [InlineData("AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request")]
    public void Malformed_headers_are_AuthorizationHeaderMalformed(string authorization)
    {
        var headers = new HeaderDictionary { ["x-amz-date"] = "20130524T000000Z" };

        var error = Assert.Throws<S3ErrorException>(() => SigV4Parser.ParseHeader(authorization, S3Query.Parse(""), headers));

        Assert.Equal("AuthorizationHeaderMalformed", error.Error.Code);
    }

    [Theory]
    [InlineData("", "AccessDenied", 400)]
    [InlineData("Fri, 24 May 2013 00:00:00 GMT", "MalformedDate", 400)]
    [InlineData("20130525T000000Z", "AuthorizationQueryParametersError", 400)]
    public void Request_dates_are_checked(string date, string code, int status)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        if (date.Length > 0)
        {
            headers.Date = date;
        }

        var error = Assert.Throws<S3ErrorException>(() => SigV4Parser.ParseHeader(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, " +
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", S3Query.Parse(""), headers));

        Assert.Equal((code, status), (error.Error.Code, error.Error.Status));
    }

    [Theory]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA1", "AuthorizationQueryParametersError")]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256", "InvalidRequest")]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=bad", "AuthorizationQueryParametersError")]
    public void Bad_presign_parameters_are_400(string query, string code) =>
        Assert.Equal(code, Assert.Throws<S3ErrorException>(() => SigV4Parser.ParseQuery(S3Query.Parse(query))).Error.Code);
}
