using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;

namespace Tarn.Api.Tests.Versioning;

/// <summary>
/// Arranges repositories, branches and commits over HTTP as the admin, failing the test on any unexpected
/// answer. Object writes go through the engine (the object endpoints are another slice) so that commits
/// and merges have real changes to work on.
/// </summary>
internal sealed class VersioningApi(AdminServerFixture fixture) : IDisposable
{
    public HttpClient Client { get; } = fixture.Admin();

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// A repository name no other test uses (namespaces cannot be reused, docs/repositories.md, "Storage namespace
    /// checks").
    /// </summary>
    public static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 13)];

    public async Task<JsonElement> CreateRepositoryAsync(string name, string defaultBranch = "main", bool readOnly = false) =>
        await ApiAssert.JsonAsync(
            await Client.PostAsJsonAsync(
                "api/v1/repositories", new { name, storage_namespace = $"local://{name}", default_branch = defaultBranch, read_only = readOnly }, Token),
            HttpStatusCode.Created);

    public async Task<string> CreateBranchAsync(string repository, string name, string source)
    {
        using var response = await Client.PostAsJsonAsync($"api/v1/repositories/{repository}/branches", new { name, source }, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create branch {name}: {(int)response.StatusCode} {text}");
        return text;
    }

    public async Task<JsonElement> CommitAsync(string repository, string branch, string message, bool allowEmpty = false) =>
        await ApiAssert.JsonAsync(
            await Client.PostAsJsonAsync($"api/v1/repositories/{repository}/branches/{branch}/commits", new { message, allow_empty = allowEmpty }, Token),
            HttpStatusCode.Created);

    /// <summary>Stages a value for <paramref name="path"/> on the branch, as an upload would.</summary>
    public async Task StageAsync(string repository, string branch, string path, string content)
    {
        var data = Encoding.UTF8.GetBytes(content);
        var value = new Value(System.Security.Cryptography.SHA256.HashData(data), data);
        await fixture.Server.Services.GetRequiredService<VersionController>()
            .SetAsync(repository, branch, Encoding.UTF8.GetBytes(path), value, cancellationToken: Token);
    }

    public void Dispose() => Client.Dispose();
}
