using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Sdk;

/// <summary>
/// Keys the SDK encodes and signs in its own way; the gateway must canonicalise them identically (or the
/// signature fails) and hand the operation the exact key (or the round trip fails).
/// </summary>
public sealed class KeyCanonicalizationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayServer Server => fixture.Server;

    public static TheoryData<string> Keys() => new()
    {
        "main/with space.txt",
        "main/plus+sign+and+more",
        "main/literal%2Fpercent-two-f",
        "main/percent%25and%20escapes",
        "main/unicode-ü-日本語-✓",
        "main/astral-😀-𝄞",
        "main/dir//double/slash/",
        "main/dots/../not-removed/./x",
        "main/query?hash#amp&eq=semi;colon",
        "main/tilde~star*quote'paren()comma,bang!at@dollar$",
        "main/control-\u0001-\u001f-\u007f",
        "main/" + string.Concat(Enumerable.Repeat("long-ü-segment/", 70)),
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_key_round_trips_through_put_and_get(string key)
    {
        using var client = Server.CreateClient();
        var body = "body of " + key;

        await client.PutObjectAsync(new PutObjectRequest { BucketName = "repo", Key = key, ContentBody = body }, Ct);
        using var get = await client.GetObjectAsync("repo", key, Ct);
        using var reader = new StreamReader(get.ResponseStream, Encoding.UTF8);

        Assert.Equal(body, await reader.ReadToEndAsync(Ct));
        Assert.Equal(body, Encoding.UTF8.GetString(Server.Store.Get("repo", key)!.Data));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_key_round_trips_through_a_presigned_url(string key)
    {
        if (key.Contains("/./", StringComparison.Ordinal) || key.Contains("/../", StringComparison.Ordinal))
        {
            // System.Uri (under HttpClient) removes dot segments before sending; the SDK's own requests keep them.
            Assert.Skip("HttpClient cannot send dot segments");
        }

        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "repo", Key = key, ContentBody = "presigned " + key }, Ct);
        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "repo",
            Key = key,
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = new HttpClient();

        using var response = await http.GetAsync(url, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("presigned " + key, await response.Content.ReadAsStringAsync(Ct));
    }
}
