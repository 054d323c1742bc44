using System.Net;
using System.Xml.Linq;

namespace Tarn.Api.Tests;

/// <summary>The server's one port serves both protocols: signed S3 requests reach the gateway, the rest the API.</summary>
public sealed class ProtocolDispatchTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_with_an_aws_signature_gets_an_s3_xml_error_not_api_json()
    {
        using var client = fixture.Server.CreateClient();
        var now = DateTime.UtcNow;
        var day = now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAJUNKNOWNUNKNOWNQ/{day}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={new string('0', 64)}");
        request.Headers.TryAddWithoutValidation("x-amz-date", now.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", "UNSIGNED-PAYLOAD");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync(Token)).Root!;
        Assert.Equal("Error", error.Name.LocalName);
        Assert.Equal("InvalidAccessKeyId", error.Element("Code")?.Value);
    }

    [Fact]
    public async Task Api_requests_with_basic_credentials_stay_on_the_api()
    {
        using var admin = fixture.Admin();
        var user = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/user", Token));
        Assert.Equal("admin", user.GetProperty("user").GetProperty("id").GetString());
    }
}
