using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Creates the sentinel resources (<see cref="SentinelNames"/>) and reads their state: repositories with
/// branches, a tag, metadata, committed and staged objects; users with a key and group memberships; groups
/// with members and an ACL or a policy; a policy when the policy API is served. A snapshot is the text of
/// a fixed list of read-only calls, so two snapshots differ exactly when a sentinel changed.
/// </summary>
public sealed class Sentinels(HttpClient admin, bool policyApiServed)
{
    private const string Api = "api/v1/";
    private const string StagedObject = "sentinel/staged.txt";
    private static readonly string[] StagedBranches = ["objects", "hard_reset", SentinelNames.Branch];
    private int _namespaces;

    /// <summary>Creates whatever sentinel is missing (and puts back what a defect removed); existing ones are left as they are.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var repository in SentinelNames.Repositories)
        {
            var created = await SendAsync(HttpMethod.Post, "repositories", new { name = repository, storage_namespace = $"local://sentinels/{repository}-{Environment.ProcessId}-{++_namespaces}" }, cancellationToken);
            if (created == HttpStatusCode.Created && repository == SentinelNames.Repository)
            {
                await PutObjectAsync("main", "sentinel/committed.txt", cancellationToken);
                await ExpectAsync(HttpMethod.Post, $"repositories/{repository}/branches/main/commits", new { message = "sentinel" }, cancellationToken, HttpStatusCode.Created);
            }
        }

        foreach (var branch in SentinelNames.Branches.Where(b => b != "main"))
        {
            await SendAsync(HttpMethod.Post, $"repositories/{SentinelNames.Repository}/branches", new { name = branch, source = "main" }, cancellationToken);
        }

        foreach (var branch in StagedBranches)
        {
            await PutObjectAsync(branch, StagedObject, cancellationToken);
        }

        await SendAsync(HttpMethod.Post, $"repositories/{SentinelNames.Repository}/tags", new { id = SentinelNames.Tag, @ref = "main" }, cancellationToken);
        await ExpectAsync(HttpMethod.Post, $"repositories/{SentinelNames.Repository}/metadata", new { metadata = new Dictionary<string, string> { ["sentinel"] = "kept" } }, cancellationToken, HttpStatusCode.OK, HttpStatusCode.NoContent);

        foreach (var user in new[] { SentinelNames.User, SentinelNames.SegmentNamedUser })
        {
            await SendAsync(HttpMethod.Post, "auth/users", new { id = user }, cancellationToken);
        }

        if (await ListLengthAsync($"auth/users/{SentinelNames.User}/credentials", cancellationToken) == 0)
        {
            await ExpectAsync(HttpMethod.Post, $"auth/users/{SentinelNames.User}/credentials", null, cancellationToken, HttpStatusCode.Created);
        }

        foreach (var group in new[] { SentinelNames.Group, SentinelNames.SegmentNamedGroup })
        {
            await SendAsync(HttpMethod.Post, "auth/groups", new { id = group }, cancellationToken);
            await SendAsync(HttpMethod.Put, $"auth/groups/{group}/members/{SentinelNames.User}", null, cancellationToken);
        }

        if (policyApiServed)
        {
            var statement = new[] { new { effect = "allow", action = new[] { "fs:ReadRepository" }, resource = "arn:lakefs:fs:::repository/" + SentinelNames.Repository } };
            await SendAsync(HttpMethod.Post, "auth/policies", new { id = SentinelNames.Policy, statement }, cancellationToken);
            await SendAsync(HttpMethod.Put, $"auth/users/{SentinelNames.User}/policies/{SentinelNames.Policy}", null, cancellationToken);
            await SendAsync(HttpMethod.Put, $"auth/groups/{SentinelNames.Group}/policies/{SentinelNames.Policy}", null, cancellationToken);
        }
        else
        {
            await ExpectAsync(HttpMethod.Post, $"auth/groups/{SentinelNames.Group}/acl", new { permission = "Read" }, cancellationToken, HttpStatusCode.Created, HttpStatusCode.NoContent);
        }
    }

    /// <summary>The state of every sentinel: one line per read, "GET path -> status body".</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var reads = new List<string>();
        foreach (var repository in SentinelNames.Repositories)
        {
            reads.Add($"repositories/{repository}");
        }

        var repo = $"repositories/{SentinelNames.Repository}";
        reads.AddRange([$"{repo}/branches?amount=1000", $"{repo}/tags?amount=1000", $"{repo}/metadata", $"{repo}/refs/main/objects/ls?amount=1000"]);
        reads.AddRange(StagedBranches.Select(b => $"{repo}/branches/{b}/diff?amount=1000"));
        foreach (var user in new[] { SentinelNames.User, SentinelNames.SegmentNamedUser })
        {
            reads.AddRange([$"auth/users/{user}", $"auth/users/{user}/groups"]);
        }

        reads.Add($"auth/users/{SentinelNames.User}/credentials");
        foreach (var group in new[] { SentinelNames.Group, SentinelNames.SegmentNamedGroup })
        {
            reads.AddRange([$"auth/groups/{group}", $"auth/groups/{group}/members"]);
        }

        if (policyApiServed)
        {
            reads.AddRange([$"auth/policies/{SentinelNames.Policy}", $"auth/users/{SentinelNames.User}/policies", $"auth/groups/{SentinelNames.Group}/policies"]);
        }
        else
        {
            reads.Add($"auth/groups/{SentinelNames.Group}/acl");
        }

        var snapshot = new List<string>();
        foreach (var read in reads)
        {
            using var response = await admin.GetAsync(Api + read, cancellationToken);
            snapshot.Add($"GET {read} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return snapshot;
    }

    /// <summary>The reads whose answers differ between two snapshots, before and after.</summary>
    public static string? Difference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var changed = before.Zip(after).Where(pair => pair.First != pair.Second).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (was, now) in changed.Take(6))
        {
            text.Append("\n    was: ").Append(Shorten(was)).Append("\n    now: ").Append(Shorten(now));
        }

        return $"{changed.Count} sentinel read(s) changed:" + text;
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private async Task PutObjectAsync(string branch, string path, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("sentinel " + path));
        using var response = await admin.PostAsync($"{Api}repositories/{SentinelNames.Repository}/branches/{branch}/objects?path={Uri.EscapeDataString(path)}", content, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created);
    }

    private async Task<int> ListLengthAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await admin.GetAsync(Api + path, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK);
        var list = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
        return list.GetProperty("results").GetArrayLength();
    }

    /// <summary>Sends a creation that may already have happened: 409 is as good as 201.</summary>
    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Api + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await admin.SendAsync(request, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.Conflict);
        return response.StatusCode;
    }

    private async Task ExpectAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, Api + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await admin.SendAsync(request, cancellationToken);
        await EnsureAsync(response, expected);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
