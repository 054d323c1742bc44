using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Sdk;

/// <summary>Dispatch between API and gateway on the shared listener, and the gateway's answers before any operation runs.</summary>
public sealed class GatewayPipelineTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayServer Server => fixture.Server;

    [Fact]
    public async Task Anonymous_path_style_requests_reach_the_api()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        Assert.Equal("api", await http.GetStringAsync("/repo/main/x", Ct));
    }

    [Fact]
    public async Task Api_basic_credentials_reach_the_api()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "QUtJQTpzZWNyZXQ=");

        Assert.Equal("api", await http.GetStringAsync("/api/v1/repositories", Ct));
    }

    [Fact]
    public async Task Anonymous_requests_to_the_gateway_domain_get_an_AccessDenied_error_body()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, "/repo/main/a%20b"));
        request.Headers.Host = $"{GatewayServer.Domain}:{Server.BaseAddress.Port}";

        using var response = await http.SendAsync(request, Ct);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["Code", "Message", "Key", "BucketName", "Resource", "Region", "RequestId", "HostId"],
            error.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("AccessDenied", error.Element("Code")!.Value);
        Assert.Equal("a b", error.Element("Key")!.Value);
        Assert.Equal("main@repo", error.Element("Resource")!.Value);
        Assert.Equal("us-east-1", error.Element("Region")!.Value);
        Assert.Equal(response.Headers.GetValues("X-Amz-Request-Id").Single(), error.Element("RequestId")!.Value);
        Assert.Matches("^[0-9A-F]{16}$", error.Element("HostId")!.Value);
    }

    [Fact]
    public async Task An_unknown_authorization_scheme_on_the_gateway_is_MissingFields()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, "/repo"));
        request.Headers.Host = GatewayServer.Domain;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>MissingFields</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_sub_resources_answer_ERRLakeFSNotSupported()
    {
        using var client = Server.CreateClient();

        var acl = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = "repo" }, Ct));
        var delete = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.DeleteBucketAsync("repo", Ct));

        Assert.Equal(("ERRLakeFSNotSupported", HttpStatusCode.MethodNotAllowed), (acl.ErrorCode, acl.StatusCode));
        Assert.Equal(("ERRLakeFSNotSupported", HttpStatusCode.MethodNotAllowed), (delete.ErrorCode, delete.StatusCode));
    }

    [Fact]
    public async Task Bad_signatures_are_slowed_down_but_the_right_one_is_never_refused()
    {
        using var wrong = Server.CreateClient(secret: "not-the-secret");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("SignatureDoesNotMatch", (await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => wrong.ListBucketsAsync(Ct))).ErrorCode);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var held = Enumerable.Range(0, 3).Select(_ => Assert.ThrowsAnyAsync<AmazonS3Exception>(() => wrong.ListBucketsAsync(Ct))).ToList();

        // The owner, from the same address, while wrong signatures are being held: answered.
        using var owner = Server.CreateClient();
        await owner.ListBucketsAsync(Ct);

        Assert.All(await Task.WhenAll(held), e => Assert.Equal("SignatureDoesNotMatch", e.ErrorCode));
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"the held signatures were answered after {started.Elapsed}");
    }
}
