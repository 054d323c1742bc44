using System.Text;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>
/// Keys holding carriage returns (the lakeFS system tests write keys with every control character) must come
/// back from XML answers exactly: an XML reader turns a literal CR into LF, so the gateway must escape it.
/// Found by the gateway fuzzer (error bodies named <c>a\nb</c> for the key <c>a\r\nb</c>).
/// </summary>
public sealed class CarriageReturnKeyTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Theory]
    [InlineData("main/cr-keys/lone\rcr")]
    [InlineData("main/cr-keys/crlf\r\npair")]
    [InlineData("main/cr-keys/trailing\r")]
    public async Task A_listed_key_with_a_carriage_return_is_the_key_that_was_written(string key)
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = key, ContentBody = "cr" }, Ct);

        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = key }, Ct);

        Assert.Equal([Escaped(key)], listed.S3Objects.Select(o => Escaped(o.Key)));
    }

    [Fact]
    public async Task An_error_names_a_key_with_a_carriage_return_as_it_was_sent()
    {
        using var client = Server.CreateClient();
        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Repo,
            Key = "main/cr-keys/missing\r\nkey",
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = new HttpClient();

        using var response = await http.GetAsync(url, Ct);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Escaped("cr-keys/missing\r\nkey"), Escaped(error.Root!.Element("Key")!.Value));
    }

    private static string Escaped(string key) => new StringBuilder(key).Replace("\r", "\\r").Replace("\n", "\\n").ToString();
}
