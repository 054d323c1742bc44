using System.Net;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Sdk;

/// <summary>SigV4 presigned URLs made by the SDK, fetched with a plain HttpClient.</summary>
public sealed class PresignedUrlTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayServer Server => fixture.Server;

    [Fact]
    public async Task A_presigned_get_returns_the_object()
    {
        var url = await PresignedGetAsync("main/presigned.txt", "presigned body", TimeSpan.FromMinutes(5));
        using var http = new HttpClient();

        using var response = await http.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("presigned body", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_presigned_put_stores_the_body()
    {
        using var client = Server.CreateClient();
        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "repo",
            Key = "main/presigned-put.bin",
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = new HttpClient();

        using var response = await http.PutAsync(url, new ByteArrayContent([1, 2, 3]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2, 3], Server.Store.Get("repo", "main/presigned-put.bin")!.Data);
    }

    [Fact]
    public async Task A_tampered_signature_gives_SignatureDoesNotMatch()
    {
        var url = await PresignedGetAsync("main/tamper.txt", "x", TimeSpan.FromMinutes(5));
        var signatureAt = url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length;
        var flipped = url[signatureAt] == '0' ? '1' : '0';
        var tampered = url[..signatureAt] + flipped + url[(signatureAt + 1)..];

        var (status, code) = await FetchAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("SignatureDoesNotMatch", code);
    }

    [Fact]
    public async Task A_url_pointed_at_another_key_gives_SignatureDoesNotMatch()
    {
        var url = await PresignedGetAsync("main/mine.txt", "x", TimeSpan.FromMinutes(5));

        var (status, code) = await FetchAsync(url.Replace("mine.txt", "mind.txt", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("SignatureDoesNotMatch", code);
    }

    [Fact]
    public async Task An_expired_url_is_refused()
    {
        var url = await PresignedGetAsync("main/expiring.txt", "x", TimeSpan.FromMinutes(5));
        Server.Time.Offset = TimeSpan.FromMinutes(6);
        try
        {
            var (status, code) = await FetchAsync(url);

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("AccessDenied", code);
        }
        finally
        {
            Server.Time.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_url_dated_in_the_future_is_not_valid_yet()
    {
        var url = await PresignedGetAsync("main/future.txt", "x", TimeSpan.FromMinutes(5));
        Server.Time.Offset = TimeSpan.FromMinutes(-30);
        try
        {
            var (status, code) = await FetchAsync(url);

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("AccessDenied", code);
        }
        finally
        {
            Server.Time.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task An_expiry_beyond_seven_days_is_refused()
    {
        var url = await PresignedGetAsync("main/long.txt", "x", TimeSpan.FromMinutes(5));
        var longer = System.Text.RegularExpressions.Regex.Replace(url, "X-Amz-Expires=[0-9]+", "X-Amz-Expires=604801");

        var (status, code) = await FetchAsync(longer);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("AuthorizationQueryParametersError", code);
    }

    private async Task<string> PresignedGetAsync(string key, string body, TimeSpan lifetime)
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "repo", Key = key, ContentBody = body }, Ct);
        return await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "repo",
            Key = key,
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + lifetime,
        });
    }

    internal static async Task<(HttpStatusCode Status, string? Code)> FetchAsync(string url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var code = text.Length == 0 ? null : XDocument.Parse(text).Root?.Element("Code")?.Value;
        Assert.DoesNotContain("X-Amz-Signature", text, StringComparison.Ordinal);
        return (response.StatusCode, code);
    }
}
