using Tarn.Api.Tests.Versioning;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>
/// A request with <c>Expect: 100-continue</c> answered before its body was read (an empty body, an early
/// error) ends its connection, so a client that then skips the body (boto3, the AWS CLI) is never out of step
/// with the server on its next request. Requests whose body was read keep the connection.
/// </summary>
public sealed class ExpectContinueTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Authorization => $"Authorization: {TarnTestServer.Basic(fixture.AccessKeyId, fixture.SecretAccessKey)}";

    [Fact]
    public async Task An_empty_upload_that_expects_continue_closes_the_connection()
    {
        var repo = await NewRepositoryAsync();

        var (response, closed) = await ExchangeAsync(
            $"POST /api/v1/repositories/{repo}/branches/main/objects?path=empty HTTP/1.1", "Content-Length: 0", "Expect: 100-continue");

        Assert.Equal(201, response.Status);
        Assert.Equal("close", response.Header("connection"));
        Assert.True(closed);
    }

    [Fact]
    public async Task An_error_decided_before_the_body_closes_the_connection()
    {
        // The body is announced but never sent: the client waits for a 100 that an early answer replaces.
        var (response, _) = await ExchangeAsync(
            "POST /api/v1/repositories/no-such-repository/branches/main/objects?path=x HTTP/1.1", "Content-Length: 5", "Expect: 100-continue");

        Assert.Equal(404, response.Status);
        // The client is told to start afresh; the server may still wait a moment for the body it was promised.
        Assert.Equal("close", response.Header("connection"));
    }

    [Fact]
    public async Task A_gateway_refusal_before_the_body_closes_the_connection()
    {
        var (response, _) = await ExchangeAsync(
            "PUT /some-repository/main/x HTTP/1.1", "Content-Length: 5", "Expect: 100-continue",
            "Authorization: AWS4-HMAC-SHA256 Credential=AKIANOSUCHKEY/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
            authorize: false);

        Assert.True(response.Status is 400 or 403, $"{response.Status} {response.Body}");
        Assert.Equal("close", response.Header("connection"));
    }

    [Fact]
    public async Task An_upload_whose_body_is_read_keeps_the_connection()
    {
        var repo = await NewRepositoryAsync();

        var (response, closed) = await ExchangeAsync(
            $"POST /api/v1/repositories/{repo}/branches/main/objects?path=data HTTP/1.1", "Content-Length: 5", "Expect: 100-continue",
            body: "hello"u8.ToArray());

        Assert.Equal(201, response.Status);
        Assert.Null(response.Header("connection"));
        Assert.False(closed);
    }

    private async Task<string> NewRepositoryAsync()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("expect");
        await api.CreateRepositoryAsync(repo);
        return repo;
    }

    private Task<(RawHttpResponse Response, bool ServerClosed)> ExchangeAsync(
        string requestLine, string contentLength, string expect, string? extra = null, byte[]? body = null, bool authorize = true)
    {
        string?[] lines = [requestLine, $"Host: {fixture.Server.BaseAddress.Authority}", contentLength, expect, authorize ? Authorization : null, extra];
        return RawHttp.ExchangeKeepingAliveAsync(fixture.Server.BaseAddress, string.Join("\r\n", lines.OfType<string>()), body, cancellationToken: Token);
    }
}
