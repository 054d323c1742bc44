using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Authorization;
using Tarn.Api.Hosting;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>
/// Authorization of every lakeFS operation (docs/access-control.md, "The permission table"), driven by the spec's
/// operation list: a user without policies is refused with 401 <c>insufficient permissions</c>, a user granted exactly
/// the required actions on the exact resources gets past authorization, and one grant fewer is refused again.
/// </summary>
public sealed class PermissionTableTests(InternalRbacServerFixture fixture, ITestOutputHelper output) : IClassFixture<InternalRbacServerFixture>
{
    private const string Holder = "permission-holder";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_spec_operation_has_exactly_one_permission_entry_of_the_right_kind()
    {
        var spec = LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec());
        Assert.Equal(
            spec.Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal),
            OperationPermissions.ByOperationId.Keys.Order(StringComparer.Ordinal));
        foreach (var operation in spec.Operations)
        {
            var kind = OperationPermissions.ByOperationId[operation.OperationId].Kind;
            var expected = operation.IsPublic ? PermissionKind.Public
                : OperationSamples.RequiredGrants[operation.OperationId].Length == 0 ? PermissionKind.AuthenticationOnly
                : PermissionKind.Checked;
            Assert.True(expected == kind, $"{operation.OperationId}: expected {expected}, the table says {kind}");
        }
    }

    [Fact]
    public void Start_up_check_names_a_routed_operation_without_an_entry()
    {
        var endpoints = new[] { Endpoint("listUsers", ApiAccess.Authenticated), Endpoint("healthCheck", ApiAccess.Authenticated) };
        var table = new Dictionary<string, OperationPermission>
        {
            ["healthCheck"] = OperationPermission.Public,
            ["stale"] = OperationPermission.AuthenticationOnly,
        };

        var problems = OperationPermissionsCheck.FindProblems(endpoints, table);
        Assert.Contains(problems, p => p.StartsWith("listUsers: routed but has no permission entry", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("healthCheck: the route says Authenticated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("stale: has a permission entry but is not routed", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => OperationPermissionsCheck.EnsureConsistent(endpoints, table));
    }

    [Fact]
    public async Task Every_operation_refuses_the_unprivileged_and_admits_exactly_its_grants()
    {
        var spec = LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec());
        using var api = fixture.AdminApi();
        using var nobody = await api.NewUserClientAsync("nobody");
        using var holder = await api.NewUserClientAsync(Holder);
        await api.PutPolicyAsync(Holder, PolicyStatement.Allow("*", "ci:Nothing"));
        await api.AttachToUserAsync(Holder, Holder);

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var operation in spec.Operations.Where(o => !o.IsPublic))
        {
            var grants = OperationSamples.RequiredGrants[operation.OperationId];
            var denied = await SendAsync(nobody, operation);
            if (grants.Length == 0)
            {
                Expect(denied.Status != 401, operation, "authentication alone should suffice", denied, failures);
                continue;
            }

            checkedCount++;
            Expect(IsInsufficient(denied, operation), operation, "a user without policies must get 401 insufficient permissions", denied, failures);

            await GrantAsync(api, grants);
            var allowed = await SendAsync(holder, operation);
            Expect(allowed.Status != 401, operation, $"granted [{string.Join(", ", grants)}] should pass authorization", allowed, failures);

            for (var missing = 0; grants.Length > 1 && missing < grants.Length; missing++)
            {
                await GrantAsync(api, [.. grants.Where((_, i) => i != missing)]);
                var partial = await SendAsync(holder, operation);
                Expect(IsInsufficient(partial, operation), operation, $"without '{grants[missing]}' it must be refused", partial, failures);
            }
        }

        output.WriteLine($"{checkedCount} operations checked against their grants");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsInsufficient((int Status, string Body) answer, SpecOperation operation) =>
        answer.Status == 401 && (operation.Method == "HEAD" || Message(answer.Body) == ApiAuthorizationMiddleware.DeniedMessage);

    private static void Expect(bool condition, SpecOperation operation, string what, (int Status, string Body) answer, List<string> failures)
    {
        if (!condition)
        {
            failures.Add($"{operation.OperationId} ({operation.Method} {operation.Path}): {what}; got {answer.Status} {answer.Body}");
        }
    }

    private static Task GrantAsync(AdminApi api, string[] grants) =>
        api.PutPolicyAsync(Holder, [.. grants.Select(g => g.Split(' ', 2)).Select(g => PolicyStatement.Allow(g[1], g[0]))]);

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, SpecOperation operation)
    {
        using var request = OperationSamples.Request(operation.OperationId, operation.Method, operation.Path);
        using var response = await client.SendAsync(request, Token);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private static string? Message(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Endpoint Endpoint(string operationId, ApiAccess access) =>
        new(_ => Task.CompletedTask, new EndpointMetadataCollection(new ApiOperation(operationId, access)), operationId);
}
