using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Hosting;

namespace Tarn.Gateway.Tests.Routing;

public sealed class ProtocolDispatchTests
{
    private static readonly ProtocolDispatch Dispatch = new(new GatewayOptions { DomainNames = ["s3.local.lakefs.io", "s3.example.com"] });

    [Theory]
    [InlineData("s3.local.lakefs.io")]
    [InlineData("s3.local.lakefs.io:8000")]
    [InlineData("S3.Example.COM")]
    [InlineData("my-repo.s3.local.lakefs.io:8000")]
    [InlineData("my-repo.s3.example.com")]
    public void Requests_to_a_gateway_domain_or_a_bucket_below_it_go_to_the_gateway(string host) =>
        Assert.True(Dispatch.IsGatewayRequest(Request(host, "/repo/main/x")));

    [Theory]
    [InlineData("localhost:8000")]
    [InlineData("127.0.0.1:8000")]
    [InlineData("a.b.s3.local.lakefs.io")]
    [InlineData("xs3.local.lakefs.io")]
    [InlineData("lakefs.io")]
    public void Anonymous_requests_to_other_hosts_stay_on_the_api(string host) =>
        Assert.False(Dispatch.IsGatewayRequest(Request(host, "/repo/main/x")));

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00")]
    [InlineData("AWS AKIAIOSFODNN7EXAMPLE:c2lnbmF0dXJl")]
    public void Path_style_requests_with_an_aws_signature_go_to_the_gateway(string authorization)
    {
        var context = Request("localhost:8000", "/repo/main/x");
        context.Request.Headers.Authorization = authorization;

        Assert.True(Dispatch.IsGatewayRequest(context));
    }

    [Theory]
    [InlineData("?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=00")]
    [InlineData("?X-Amz-Credential=AK")]
    [InlineData("?AWSAccessKeyId=AK&Signature=x&Expires=1")]
    public void Presigned_urls_go_to_the_gateway(string query) =>
        Assert.True(Dispatch.IsGatewayRequest(Request("localhost:8000", "/repo/main/x", query)));

    [Theory]
    [InlineData("Basic QUtJQTpzZWNyZXQ=")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")]
    [InlineData("AWS")]
    public void Api_credentials_stay_on_the_api(string authorization)
    {
        var context = Request("localhost:8000", "/api/v1/repositories");
        context.Request.Headers.Authorization = authorization;

        Assert.False(Dispatch.IsGatewayRequest(context));
    }

    [Fact]
    public void A_session_cookie_stays_on_the_api()
    {
        var context = Request("localhost:8000", "/api/v1/repositories");
        context.Request.Headers.Cookie = "internal_auth_session=abc";

        Assert.False(Dispatch.IsGatewayRequest(context));
    }

    [Fact]
    public void An_x_amz_signature_header_goes_to_the_gateway()
    {
        var context = Request("localhost:8000", "/repo");
        context.Request.Headers["X-Amz-Signature"] = "abc";

        Assert.True(Dispatch.IsGatewayRequest(context));
    }

    [Fact]
    public void Domains_that_are_dot_suffixes_of_each_other_are_refused() =>
        Assert.Throws<ArgumentException>(() => new GatewayOptions { DomainNames = ["example.com", "s3.example.com"] }.Validate());

    private static DefaultHttpContext Request(string host, string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context;
    }
}
