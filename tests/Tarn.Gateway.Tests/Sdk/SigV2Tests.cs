using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Sdk;

/// <summary>SigV2 requests crafted here, signed with HMAC-SHA1 computed independently of the gateway's code.</summary>
public sealed class SigV2Tests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayServer Server => fixture.Server;

    [Fact]
    public async Task A_signed_put_with_content_type_and_amz_headers_is_accepted()
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Put, Url("/repo/main/v2%20key+plus.txt"))
        {
            Content = new StringContent("sigv2 body", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Date = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
        request.Headers.Add("x-amz-meta-Color", "blue");
        request.Headers.Add("X-Amz-Meta-Alpha", "  a ");
        var toSign = $"PUT\n\ntext/plain; charset=utf-8\n{date}\nx-amz-meta-alpha:a\nx-amz-meta-color:blue\n/repo/main/v2%20key+plus.txt";
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign(toSign)}");

        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sigv2 body", Encoding.UTF8.GetString(Server.Store.Get("repo", "main/v2 key+plus.txt")!.Data));
    }

    [Fact]
    public async Task Sub_resources_are_part_of_the_signed_resource_with_exact_case()
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/repo/main/k?uploadId=abc&max-parts=5&partNumber=1"));
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign($"GET\n\n\n{date}\n/repo/main/k?partNumber=1&uploadId=abc")}");

        using var response = await Send(request);

        // Authenticated; ListParts has no implementation in this test server.
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Virtual_host_requests_sign_the_bucket_from_the_host()
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Put, Url("/main/vh-v2.txt")) { Content = new ByteArrayContent([7]) };
        request.Headers.Host = $"vh2.{GatewayServer.Domain}:{Server.BaseAddress.Port}";
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign($"PUT\n\n\n{date}\n/vh2/main/vh-v2.txt")}");

        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([7], Server.Store.Get("vh2", "main/vh-v2.txt")!.Data);
    }

    [Fact]
    public async Task A_wrong_signature_is_SignatureDoesNotMatch()
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/"));
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign($"GET\n\n\n{date}\n/other")}");

        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_date_is_RequestTimeTooSkewed()
    {
        var date = DateTime.UtcNow.AddMinutes(-20).ToString("r", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/"));
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign($"GET\n\n\n{date}\n/")}");

        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>RequestTimeTooSkewed</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_presigned_query_url_works_until_it_expires()
    {
        using (var put = new HttpRequestMessage(HttpMethod.Put, Url("/repo/main/v2-presigned")) { Content = new ByteArrayContent([1, 2]) })
        {
            var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            put.Headers.TryAddWithoutValidation("Date", date);
            put.Headers.TryAddWithoutValidation("Authorization", $"AWS {Server.Key.AccessKeyId}:{Sign($"PUT\n\n\n{date}\n/repo/main/v2-presigned")}");
            using var stored = await Send(put);
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        }

        var valid = PresignedV2("/repo/main/v2-presigned", DateTimeOffset.UtcNow.AddMinutes(5));
        var expired = PresignedV2("/repo/main/v2-presigned", DateTimeOffset.UtcNow.AddSeconds(-1));

        using var http = new HttpClient();
        Assert.Equal([1, 2], await http.GetByteArrayAsync(valid, Ct));
        var (status, code) = await PresignedUrlTests.FetchAsync(expired);
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (status, code));
    }

    private string PresignedV2(string path, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Uri.EscapeDataString(Sign($"GET\n\n\n{seconds}\n{path}"));
        return Url($"{path}?AWSAccessKeyId={Server.Key.AccessKeyId}&Expires={seconds}&Signature={signature}");
    }

    private string Url(string pathAndQuery) => Server.BaseAddress.ToString().TrimEnd('/') + pathAndQuery;

    private string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Server.Key.SecretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));

    private static async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        using var http = new HttpClient();
        return await http.SendAsync(request, Ct);
    }
}
