using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tarn.Api.Authorization;

namespace Tarn.Api.Tests;

/// <summary>
/// A permission rule and its handler must read the same values: requests that could be read two ways
/// (repeated fields or query parameters) are refused before authorization, and bodies are capped.
/// </summary>
public sealed class PermissionRequestTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"id":"allowed","id":"other"}""")]
    [InlineData("""{"id":"allowed","ID":"other"}""")]
    [InlineData("""{"id":"allowed",""")]
    public async Task Ambiguous_or_broken_bodies_of_body_rules_are_400(string body)
    {
        using var admin = fixture.Admin();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var message = await ApiAssert.ErrorAsync(await admin.PostAsync("api/v1/auth/groups", content, Token), HttpStatusCode.BadRequest);
        Assert.StartsWith("invalid request body", message, StringComparison.Ordinal);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/groups/allowed", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_repeated_query_parameter_that_names_a_resource_is_400()
    {
        using var admin = fixture.Admin();
        var message = await ApiAssert.ErrorAsync(
            await admin.GetAsync("api/v1/repositories/repo1/refs/main/objects?path=a&path=b", Token), HttpStatusCode.BadRequest);
        Assert.Equal("query parameter 'path' must be given only once", message);
    }

    [Fact]
    public async Task An_oversized_body_for_a_body_rule_is_refused()
    {
        using var admin = fixture.Admin();
        // createRepository's rule reads the name from the body.
        var body = new { name = "repo1", storage_namespace = "local://" + new string('a', PermissionRequest.MaxBodyBytes) };
        var message = await ApiAssert.ErrorAsync(
            await admin.PostAsJsonAsync("api/v1/repositories", body, Token), HttpStatusCode.BadRequest);
        Assert.Contains("larger than", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_fields_are_read_case_insensitively_as_the_binder_does()
    {
        var request = PermissionRequest.Create(
            new Dictionary<string, string> { ["repository"] = "r" },
            new Microsoft.AspNetCore.Http.QueryCollection(),
            """{"Name":"n","paths":[{"Path":"p","destination":"d"}],"invite_user":true}""");
        Assert.Equal("n", request.BodyText("name"));
        Assert.Equal("r", request.Route("repository"));
        Assert.True(request.BodyFlag("invite_user"));
        Assert.Equal("p", PermissionRequest.TextOf(request.BodyItems("paths")[0], "path"));
        Assert.Equal("", request.BodyText("missing"));
    }

    [Fact]
    public void The_import_rule_covers_every_listed_location()
    {
        var request = PermissionRequest.Create(
            new Dictionary<string, string> { ["repository"] = "r", ["branch"] = "b" },
            new Microsoft.AspNetCore.Http.QueryCollection(),
            """{"paths":[{"path":"s3://x/1","destination":"d1"},{"path":"s3://x/2","destination":"d2"}]}""");
        var tree = Assert.IsType<Tarn.Auth.Authorization.AllOfPermissions>(OperationPermissions.ByOperationId["importStart"].Rule!(request));
        Assert.Equal(6, tree.Children.Count);
        Assert.Contains(new Tarn.Auth.Authorization.PermissionLeaf("fs:ImportFromStorage", "arn:lakefs:fs:::namespace/s3://x/2"), tree.Children);
        Assert.Contains(new Tarn.Auth.Authorization.PermissionLeaf("fs:WriteObject", "arn:lakefs:fs:::repository/r/object/d2"), tree.Children);
    }
}
