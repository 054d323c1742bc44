using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests;

/// <summary>
/// JSON bodies whose strings or field names are not valid Unicode (raw bytes that are not UTF-8, a lone
/// surrogate escape) are a 400 with a message on every operation, including those whose permission depends
/// on the body, and nothing is created.
/// </summary>
public sealed class InvalidTextBodyTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Operations => new()
    {
        { "POST", "api/v1/repositories" },
        { "POST", "api/v1/repositories/{repo}/branches" },
        { "POST", "api/v1/repositories/{repo}/tags" },
        { "POST", "api/v1/auth/users" },
        { "POST", "api/v1/auth/groups" },
        { "POST", "api/v1/repositories/{repo}/branches/main/objects/copy" },
        { "POST", "api/v1/repositories/{repo}/branches/main/import" },
        { "POST", "api/v1/repositories/{repo}/branches/main/commits" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Invalid_text_in_a_value_or_a_field_name_is_a_400(string method, string path)
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("utf");
        await api.CreateRepositoryAsync(repo);
        path = path.Replace("{repo}", repo, StringComparison.Ordinal);

        byte[][] bodies =
        [
            Body("{\"name\":\"x\xFF\",\"id\":\"x\xFF\",\"storage_namespace\":\"local://x\xFF\",\"source\":\"main\",\"ref\":\"main\",\"src_path\":\"\xFF\",\"dest_path\":\"d\",\"message\":\"\xFF\",\"paths\":[{\"path\":\"\xFF\",\"destination\":\"\xFF\",\"type\":\"common_prefix\"}],\"commit\":{\"message\":\"\xFF\"}}"),
            Body("{\"name\":\"ok\",\"id\":\"ok\",\"k\xFF\":1}"),
            Body("{\"name\":\"\\ud800\",\"id\":\"\\ud800\",\"storage_namespace\":\"local://\\ud800\",\"source\":\"main\",\"ref\":\"main\",\"src_path\":\"\\ud800\",\"dest_path\":\"d\",\"message\":\"\\udc00\"}"),
        ];
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await api.Client.SendAsync(request, Token);

            var message = await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
            Assert.False(string.IsNullOrEmpty(message));
        }
    }

    // Latin-1 keeps each char below 256 as one byte, so "\xFF" becomes the single byte 0xFF: not UTF-8.
    private static byte[] Body(string text) => Encoding.Latin1.GetBytes(text);
}
