using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Api.Hosting;
using Tarn.Testing;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;

namespace Tarn.Api.Tests;

/// <summary>
/// Conformance with the lakeFS v1.12.1 OpenAPI file: every operation is routed with its method and path,
/// public operations are exactly the spec's, and implemented operations answer with the schema's
/// required fields and JSON types.
/// </summary>
public sealed class SpecConformanceTests(AdminServerFixture fixture, ITestOutputHelper output) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_spec_operation_is_routed_with_its_method_and_path()
    {
        var spec = LoadSpec();
        var routes = Routes();
        var missing = new List<string>();
        foreach (var operation in spec.Operations)
        {
            var key = (operation.Method, ApiRoutes.BasePath + operation.Path);
            if (!routes.TryGetValue(key, out var routed) || routed.OperationId != operation.OperationId)
            {
                missing.Add($"{operation.OperationId}: {operation.Method} {operation.Path}");
            }
        }

        var implemented = routes.Values.Count(r => r.Implemented);
        output.WriteLine($"{spec.Operations.Count - missing.Count}/{spec.Operations.Count} operations routed, {implemented} implemented");
        Assert.Equal(116, spec.Operations.Count);
        Assert.Empty(missing);
        Assert.Equal(spec.Operations.Count, routes.Count);
    }

    [Fact]
    public void Public_operations_are_exactly_those_the_spec_leaves_unsecured()
    {
        var spec = LoadSpec();
        var specPublic = spec.Operations.Where(o => o.IsPublic).Select(o => o.OperationId).Order().ToList();
        var routedPublic = Routes().Values.Where(r => r.Access == ApiAccess.Public).Select(r => r.OperationId).Order().ToList();
        Assert.Equal(specPublic, routedPublic);
    }

    [Fact]
    public async Task Not_implemented_operations_answer_501_with_an_error_body()
    {
        using var client = fixture.Admin();
        using var response = await client.GetAsync("api/v1/repositories/any-repo/actions/runs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        await AssertMatchesSchemaAsync("listRepositoryRuns", response, schemaStatus: 401);
        Assert.Equal("not implemented", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("getSetupState", "GET", "api/v1/setup_lakefs", 200)]
    [InlineData("getAuthCapabilities", "GET", "api/v1/auth/capabilities", 200)]
    [InlineData("getCurrentUser", "GET", "api/v1/user", 200)]
    [InlineData("getConfig", "GET", "api/v1/config", 200)]
    [InlineData("getLakeFSVersion", "GET", "api/v1/config/version", 200)]
    [InlineData("getStorageConfig", "GET", "api/v1/config/storage", 200)]
    [InlineData("getGarbageCollectionConfig", "GET", "api/v1/config/garbage-collection", 200)]
    [InlineData("getUsageReportSummary", "GET", "api/v1/usage-report/summary", 200)]
    [InlineData("healthCheck", "GET", "api/v1/healthcheck", 204)]
    [InlineData("listUsers", "GET", "api/v1/auth/users", 200)]
    [InlineData("getUser", "GET", "api/v1/auth/users/admin", 200)]
    [InlineData("listUserGroups", "GET", "api/v1/auth/users/admin/groups", 200)]
    [InlineData("listUserCredentials", "GET", "api/v1/auth/users/admin/credentials", 200)]
    [InlineData("listGroups", "GET", "api/v1/auth/groups", 200)]
    [InlineData("getGroup", "GET", "api/v1/auth/groups/Admins", 200)]
    [InlineData("listGroupMembers", "GET", "api/v1/auth/groups/Admins/members", 200)]
    [InlineData("getGroupACL", "GET", "api/v1/auth/groups/Writers/acl", 200)]
    public async Task Implemented_read_operations_answer_with_their_schema(string operationId, string method, string path, int status)
    {
        using var client = fixture.Admin();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        await AssertMatchesSchemaAsync(operationId, response);
    }

    [Fact]
    public async Task Auth_writes_answer_with_their_schema()
    {
        using var admin = fixture.Admin();
        using var user = await admin.PostAsJsonAsync("api/v1/auth/users", new { id = "schema-user" }, Token);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        await AssertMatchesSchemaAsync("createUser", user);

        using var group = await admin.PostAsJsonAsync("api/v1/auth/groups", new { id = "schema-group" }, Token);
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        await AssertMatchesSchemaAsync("createGroup", group);

        using var key = await admin.PostAsync("api/v1/auth/users/schema-user/credentials", null, Token);
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        await AssertMatchesSchemaAsync("createCredentials", key);
        var keyId = (await key.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("access_key_id").GetString();

        using var read = await admin.GetAsync($"api/v1/auth/users/schema-user/credentials/{keyId}", Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await AssertMatchesSchemaAsync("getCredentials", read);

        foreach (var (operationId, method, path, status) in new[]
        {
            ("addGroupMembership", "PUT", "api/v1/auth/groups/schema-group/members/schema-user", 201),
            ("setGroupACL", "POST", "api/v1/auth/groups/schema-group/acl", 201),
            ("deleteGroupMembership", "DELETE", "api/v1/auth/groups/schema-group/members/schema-user", 204),
            ("deleteCredentials", "DELETE", $"api/v1/auth/users/schema-user/credentials/{keyId}", 204),
            ("deleteGroup", "DELETE", "api/v1/auth/groups/schema-group", 204),
            ("deleteUser", "DELETE", "api/v1/auth/users/schema-user", 204),
            ("getUser", "GET", "api/v1/auth/users/schema-user", 404),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (operationId == "setGroupACL")
            {
                request.Content = JsonContent.Create(new { permission = "Read" });
            }

            using var response = await admin.SendAsync(request, Token);
            Assert.True(status == (int)response.StatusCode, $"{operationId}: {(int)response.StatusCode}");
            await AssertMatchesSchemaAsync(operationId, response);
        }
    }

    [Fact]
    public async Task Versioning_operations_answer_with_their_schema()
    {
        using var admin = fixture.Admin();
        const string Repo = "schema-repo";
        using (var created = await admin.PostAsJsonAsync("api/v1/repositories", new { name = Repo, storage_namespace = "local://schema-repo" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            await AssertMatchesSchemaAsync("createRepository", created);
        }

        using (var branch = await admin.PostAsJsonAsync($"api/v1/repositories/{Repo}/branches", new { name = "dev", source = "main" }, Token))
        {
            // createBranch answers text/plain, which the schema check does not cover (docs/http-api.md, "JSON shapes").
            Assert.Equal(HttpStatusCode.Created, branch.StatusCode);
        }

        // A real change on dev, so that the merge below has something to bring.
        var versions = fixture.Server.Services.GetRequiredService<VersionController>();
        await versions.SetAsync(Repo, "dev", [(byte)'k'], new Value(new byte[32], [1]), cancellationToken: Token);
        var repoPath = $"api/v1/repositories/{Repo}";
        foreach (var (operationId, method, path, body, status) in new (string, string, string, object?, int)[]
        {
            ("createTag", "POST", $"{repoPath}/tags", new { id = "t1", @ref = "main" }, 201),
            ("commit", "POST", $"{repoPath}/branches/dev/commits", new { message = "m" }, 201),
            ("listRepositories", "GET", "api/v1/repositories", null, 200),
            ("getRepository", "GET", repoPath, null, 200),
            ("getRepositoryMetadata", "GET", $"{repoPath}/metadata", null, 200),
            ("listBranches", "GET", $"{repoPath}/branches", null, 200),
            ("getBranch", "GET", $"{repoPath}/branches/main", null, 200),
            ("listTags", "GET", $"{repoPath}/tags", null, 200),
            ("getTag", "GET", $"{repoPath}/tags/t1", null, 200),
            ("getCommit", "GET", $"{repoPath}/commits/main", null, 200),
            ("logCommits", "GET", $"{repoPath}/refs/dev/commits", null, 200),
            ("findMergeBase", "GET", $"{repoPath}/refs/dev/merge/main", null, 200),
            ("mergeIntoBranch", "POST", $"{repoPath}/refs/dev/merge/main", new { }, 200),
            ("resetBranch", "PUT", $"{repoPath}/branches/dev", new { type = "reset" }, 204),
            ("getBranch", "GET", $"{repoPath}/branches/nope", null, 404),
            ("deleteTag", "DELETE", $"{repoPath}/tags/t1", null, 204),
            ("deleteBranch", "DELETE", $"{repoPath}/branches/dev", null, 204),
            ("deleteRepository", "DELETE", repoPath, null, 204),
            ("getRepository", "GET", repoPath, null, 404),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await admin.SendAsync(request, Token);
            Assert.True(status == (int)response.StatusCode, $"{operationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
            await AssertMatchesSchemaAsync(operationId, response);
        }
    }

    [Fact]
    public async Task Object_operations_answer_with_their_schema()
    {
        using var admin = fixture.Admin();
        const string Repo = "schema-objects";
        using (var created = await admin.PostAsJsonAsync("api/v1/repositories", new { name = Repo, storage_namespace = "local://schema-objects" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var repoPath = $"api/v1/repositories/{Repo}";
        foreach (var (operationId, method, path, body, status) in new (string, string, string, string?, int)[]
        {
            ("uploadObject", "POST", $"{repoPath}/branches/main/objects?path=dir%2Fa.txt", "hello", 201),
            ("uploadObject", "POST", $"{repoPath}/branches/nope/objects?path=a", "x", 404),
            ("statObject", "GET", $"{repoPath}/refs/main/objects/stat?path=dir%2Fa.txt", null, 200),
            ("statObject", "GET", $"{repoPath}/refs/main/objects/stat?path=missing", null, 404),
            ("listObjects", "GET", $"{repoPath}/refs/main/objects/ls?delimiter=%2F", null, 200),
            ("listObjects", "GET", $"{repoPath}/refs/main/objects/ls", null, 200),
            ("getObject", "GET", $"{repoPath}/refs/main/objects?path=missing", null, 404),
            ("deleteObject", "DELETE", $"{repoPath}/branches/main/objects?path=dir%2Fa.txt", null, 204),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body);
            }

            using var response = await admin.SendAsync(request, Token);
            Assert.True(status == (int)response.StatusCode, $"{operationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
            await AssertMatchesSchemaAsync(operationId, response);
        }
    }

    [Fact]
    public async Task Login_answers_with_its_schema()
    {
        using var client = fixture.Server.CreateClient();
        using var response = await client.PostAsJsonAsync(
            "api/v1/auth/login", new { access_key_id = fixture.AccessKeyId, secret_access_key = fixture.SecretAccessKey }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertMatchesSchemaAsync("login", response);
    }

    [Fact]
    public async Task Errors_answer_with_the_error_schema()
    {
        using var anonymous = fixture.Server.CreateClient();
        using var unauthorized = await anonymous.GetAsync("api/v1/user", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        await AssertMatchesSchemaAsync("getConfig", unauthorized);

        using var conflict = await anonymous.PostAsJsonAsync("api/v1/setup_lakefs", new { username = "second" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        await AssertMatchesSchemaAsync("setup", conflict);
    }

    private static LakeFsSpec LoadSpec() => SchemaAssert.LoadSpec();

    private static Task AssertMatchesSchemaAsync(string operationId, HttpResponseMessage response, int? schemaStatus = null) =>
        SchemaAssert.MatchesAsync(operationId, response, schemaStatus);

    private Dictionary<(string Method, string Path), ApiOperation> Routes()
    {
        var result = new Dictionary<(string, string), ApiOperation>();
        foreach (var endpoint in fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ApiOperation>() is not { } operation)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                result[(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))] = operation;
            }
        }

        return result;
    }
}
