using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Keeps the resources fuzzed requests work on in place (they may delete or protect them), so that most
/// requests reach past "not found" into the handlers; and tells <see cref="FuzzWorld"/> the IDs the server
/// chose (commit, metarange, access keys). Runs through HttpClient: these are set-up calls, not fuzz.
/// </summary>
public sealed class FuzzPlayground(HttpClient admin, FuzzWorld world, bool policyApiServed)
{
    private const string Api = "api/v1/";
    private int _generation;

    /// <summary>Once per run: users whose keys the fuzzer presents with wrong secrets, and a login token of the admin.</summary>
    public async Task PrepareAsync(FuzzCredentials credentials, CancellationToken cancellationToken)
    {
        foreach (var user in FuzzWorld.WrongSecretUsers)
        {
            await SendAsync(HttpMethod.Post, "auth/users", new { id = user }, cancellationToken);
            var key = await JsonAsync(HttpMethod.Post, $"auth/users/{user}/credentials", null, cancellationToken);
            world.WrongSecretAccessKeyIds.Add(key.GetProperty("access_key_id").GetString()!);
        }

        var token = await JsonAsync(HttpMethod.Post, "auth/login", new { access_key_id = credentials.AccessKeyId, secret_access_key = credentials.SecretAccessKey }, cancellationToken);
        world.AdminJwt = token.GetProperty("token").GetString()!;
    }

    /// <summary>Puts back whatever the last round removed; cheap when nothing is missing.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var repo = $"repositories/{FuzzWorld.Repository}";
        var created = await SendAsync(HttpMethod.Post, "repositories", new { name = FuzzWorld.Repository, storage_namespace = $"local://playground/{Environment.ProcessId}-{++_generation}" }, cancellationToken);
        if (created == HttpStatusCode.Created)
        {
            foreach (var path in FuzzWorld.ObjectPaths)
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("playground " + path));
                using var upload = await admin.PostAsync($"{Api}{repo}/branches/main/objects?path={Uri.EscapeDataString(path)}", content, cancellationToken);
            }

            await SendAsync(HttpMethod.Post, $"{repo}/branches/main/commits", new { message = "playground" }, cancellationToken);
        }

        if (await TryJsonAsync(repo, cancellationToken) is { } repository)
        {
            world.StorageNamespace = repository.GetProperty("storage_namespace").GetString()!;
        }

        await SendAsync(HttpMethod.Post, $"{repo}/branches", new { name = FuzzWorld.Branch, source = "main" }, cancellationToken);
        await SendAsync(HttpMethod.Post, $"{repo}/tags", new { id = FuzzWorld.Tag, @ref = "main" }, cancellationToken);
        if (await TryJsonAsync($"{repo}/branches/main", cancellationToken) is { } main)
        {
            world.CommitId = main.GetProperty("commit_id").GetString()!;
            if (await TryJsonAsync($"{repo}/commits/{world.CommitId}", cancellationToken) is { } commit
                && commit.GetProperty("meta_range_id").GetString() is { Length: > 0 } metaRange)
            {
                world.MetaRangeId = metaRange;
                // getRange only turns an ID into a location: any well-formed ID reaches the handler's end.
                world.RangeId = metaRange;
            }
        }

        await SendAsync(HttpMethod.Post, "auth/users", new { id = FuzzWorld.User }, cancellationToken);
        if (await TryJsonAsync($"auth/users/{FuzzWorld.User}/credentials", cancellationToken) is { } keys)
        {
            var results = keys.GetProperty("results");
            world.UserAccessKeyId = results.GetArrayLength() > 0
                ? results[0].GetProperty("access_key_id").GetString()!
                : (await JsonAsync(HttpMethod.Post, $"auth/users/{FuzzWorld.User}/credentials", null, cancellationToken)).GetProperty("access_key_id").GetString()!;
        }

        await SendAsync(HttpMethod.Post, "auth/groups", new { id = FuzzWorld.Group }, cancellationToken);
        if (policyApiServed)
        {
            var statement = new[] { new { effect = "allow", action = new[] { "fs:ReadRepository" }, resource = "*" } };
            await SendAsync(HttpMethod.Post, "auth/policies", new { id = FuzzWorld.Policy, statement }, cancellationToken);
        }
    }

    // Set-up calls answer whatever the fuzzed state allows (a protected branch refuses the commit, say);
    // only a failure of the server itself stops the run.
    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Api + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await admin.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            throw new InvalidOperationException($"playground set-up {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return response.StatusCode;
    }

    private async Task<JsonElement> JsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Api + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await admin.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"playground set-up {method} {path}: {(int)response.StatusCode} {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<JsonElement?> TryJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await admin.GetAsync(Api + path, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
    }
}
