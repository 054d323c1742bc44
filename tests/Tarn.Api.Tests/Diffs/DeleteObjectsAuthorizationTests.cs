using System.Net;
using System.Net.Http.Json;
using Tarn.Api.Tests.Objects;

namespace Tarn.Api.Tests.Diffs;

/// <summary>
/// deleteObjects authorizes each path (docs/access-control.md, "The permission table"): denied paths are 401 items, the
/// rest are deleted.
/// </summary>
public sealed class DeleteObjectsAuthorizationTests(InternalRbacServerFixture fixture) : IClassFixture<InternalRbacServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Denied_paths_are_reported_and_allowed_ones_deleted()
    {
        using var api = fixture.AdminApi();
        var repo = $"delauth-{Guid.NewGuid():N}"[..20];
        using (var created = await api.Client.PostAsJsonAsync("api/v1/repositories", new { name = repo, storage_namespace = $"local://{repo}" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var path in new[] { "mine/a", "mine/b", "theirs/c" })
        {
            await ObjectApi.UploadAsync(api.Client, repo, "main", path, path);
        }

        var user = $"deleter-{Guid.NewGuid():N}"[..16];
        using var deleter = await api.NewUserClientAsync(user);
        await api.PutPolicyAsync(user, PolicyStatement.Allow($"arn:lakefs:fs:::repository/{repo}/object/mine/*", "fs:DeleteObject"));
        await api.AttachToUserAsync(user, user);

        var url = $"api/v1/repositories/{repo}/branches/main/objects/delete";
        var result = await ApiAssert.JsonAsync(await deleter.PostAsJsonAsync(url, new { paths = new[] { "mine/a", "theirs/c", "mine/b", "" } }, Token));
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("theirs/c", error.GetProperty("path").GetString());
        Assert.Equal(401, error.GetProperty("status_code").GetInt32());
        Assert.Equal("Unauthorized", error.GetProperty("message").GetString());

        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "mine/a", "/stat"), Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "mine/b", "/stat"), Token), HttpStatusCode.NotFound);
        Assert.Equal("theirs/c", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "theirs/c"));

        // All denied: 200 with every path reported, and nothing about the branch revealed.
        var none = await ApiAssert.JsonAsync(await deleter.PostAsJsonAsync(
            $"api/v1/repositories/{repo}/branches/no-such-branch/objects/delete", new { paths = new[] { "theirs/c" } }, Token));
        Assert.Equal(401, Assert.Single(none.GetProperty("errors").EnumerateArray()).GetProperty("status_code").GetInt32());
    }
}
