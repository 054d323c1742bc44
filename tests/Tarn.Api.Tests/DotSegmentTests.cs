using System.Net;
using System.Text.Json;
using Tarn.Api.Hosting;
using Tarn.Api.Tests.Versioning;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>
/// A request reaches only the operation its raw path names: dot segments, which the web server would remove
/// before routing (turning "delete branch .." into "delete repository"), are refused with 400 and change nothing.
/// </summary>
public sealed class DotSegmentTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> DotSegments => ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", ".", "%2e"];

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task Deleting_a_branch_or_tag_named_by_a_dot_segment_leaves_the_repository(string dots)
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("dots");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "keep", "main");

        await ExpectRefusedAsync("DELETE", $"/api/v1/repositories/{repo}/branches/{dots}");
        await ExpectRefusedAsync("DELETE", $"/api/v1/repositories/{repo}/tags/{dots}");
        await ExpectRefusedAsync("DELETE", $"/api/v1/repositories/{repo}/branches/keep/{dots}");

        await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}", Token));
        await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/keep", Token));
    }

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task Auth_resources_named_by_a_dot_segment_leave_their_parents(string dots)
    {
        using var admin = new AdminApi(fixture.Server, fixture.Admin());
        var user = "dots-user-" + Guid.NewGuid().ToString("N")[..8];
        var group = "dots-group-" + Guid.NewGuid().ToString("N")[..8];
        await admin.NewUserAsync(user);
        await admin.NewGroupAsync(group);
        await admin.AddToGroupAsync(group, user);

        await ExpectRefusedAsync("DELETE", $"/api/v1/auth/groups/{group}/members/{dots}");
        await ExpectRefusedAsync("DELETE", $"/api/v1/auth/users/{user}/credentials/{dots}");
        await ExpectRefusedAsync("DELETE", $"/api/v1/auth/users/{user}/groups/{dots}");

        var members = await ApiAssert.JsonAsync(await admin.Client.GetAsync($"api/v1/auth/groups/{group}/members", Token));
        Assert.Equal(user, members.GetProperty("results")[0].GetProperty("id").GetString());
        await ApiAssert.JsonAsync(await admin.Client.GetAsync($"api/v1/auth/users/{user}", Token));
    }

    [Theory]
    [InlineData("GET", "/api/v1/../_health")]
    [InlineData("GET", "/api/v1/repositories/%2e%2e/%2e%2e/user")]
    [InlineData("GET", "/_tarn/presigned/../../api/v1/user")]
    [InlineData("PUT", "/_tarn/presigned/x/%2E%2e/y")]
    [InlineData("GET", "/./_health")]
    public async Task Dot_segments_are_refused_anywhere_outside_the_gateway(string method, string target) =>
        await ExpectRefusedAsync(method, target);

    [Theory]
    [InlineData("/api/v1/repositories/a/branches/..", true)]
    [InlineData("/api/v1/repositories/a/branches/%2E%2e?x=1", true)]
    [InlineData("http://host:8000/api/v1/./user", true)]
    [InlineData("/a/./", true)]
    [InlineData("/api/v1/repositories/a/branches/...", false)]
    [InlineData("/api/v1/repositories/a/branches/..x", false)]
    [InlineData("/api/v1/repositories/a/branches/%2e%2e%2f", false)]
    [InlineData("/api/v1/repositories/a/objects?path=../x", false)]
    [InlineData("/api/v1/repositories/a/branches/%252e%252e", false)]
    [InlineData("http://host:8000", false)]
    [InlineData("*", false)]
    public void Dot_segments_are_recognized_in_the_raw_path_only(string target, bool expected) =>
        Assert.Equal(expected, DotSegmentGuard.HasDotSegment(target));

    private async Task ExpectRefusedAsync(string method, string target)
    {
        var answer = await RawHttp.SendAsync(
            fixture.Server.BaseAddress, method, target, [$"Authorization: {TarnTestServer.Basic(fixture.AccessKeyId, fixture.SecretAccessKey)}"], cancellationToken: Token);
        Assert.True(answer.Status == (int)HttpStatusCode.BadRequest, $"{method} {target}: {answer.Status} {answer.Body}");
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal(DotSegmentGuard.Message, body.RootElement.GetProperty("message").GetString());
    }
}
