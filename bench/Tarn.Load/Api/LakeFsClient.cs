using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tarn.Load.Api;

/// <summary>
/// The few lakeFS API v1 calls the scenarios make, over one pooled <see cref="HttpClient"/> with HTTP basic
/// authentication. Every call throws <see cref="LoadRequestException"/> on an unexpected status.
/// </summary>
internal sealed class LakeFsClient : IDisposable
{
    private readonly HttpClient _http;

    public LakeFsClient(ServerEndpoint endpoint, int parallelism)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, parallelism),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(endpoint.BaseAddress, "api/v1/"), Timeout = Timeout.InfiniteTimeSpan };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(endpoint.AccessKeyId + ":" + endpoint.SecretAccessKey));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    public async Task CreateRepositoryAsync(string repository, string storageNamespace, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["name"] = repository, ["storage_namespace"] = storageNamespace, ["default_branch"] = "main" };
        using var response = await _http.PostAsJsonAsync("repositories", body, cancellationToken);
        await EnsureAsync(response, "createRepository", cancellationToken);
    }

    public async Task CreateBranchAsync(string repository, string branch, string source, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["name"] = branch, ["source"] = source };
        using var response = await _http.PostAsJsonAsync($"repositories/{repository}/branches", body, cancellationToken);
        await EnsureAsync(response, "createBranch", cancellationToken);
    }

    /// <summary><c>getBranch</c>; returns the ID of the branch's HEAD commit.</summary>
    public async Task<string> GetBranchAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repositories/{repository}/branches/{branch}", cancellationToken);
        await EnsureAsync(response, "getBranch", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("commit_id").GetString() ?? throw new LoadRequestException("getBranch: answer without a commit_id");
    }

    public async Task UploadAsync(string repository, string branch, string path, long size, CancellationToken cancellationToken)
    {
        using var content = Payloads.Create(size);
        using var response = await _http.PostAsync($"repositories/{repository}/branches/{branch}/objects?path={Escape(path)}", content, cancellationToken);
        await EnsureAsync(response, "uploadObject", cancellationToken);
    }

    /// <summary>Commits the branch and returns the new commit's ID.</summary>
    public async Task<string> CommitAsync(string repository, string branch, string message, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["message"] = message };
        using var response = await _http.PostAsJsonAsync($"repositories/{repository}/branches/{branch}/commits", body, cancellationToken);
        await EnsureAsync(response, "commit", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("id").GetString() ?? throw new LoadRequestException("commit: answer without an id");
    }

    public async Task MergeAsync(string repository, string source, string destination, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new Dictionary<string, string> { ["message"] = $"merge {source}" });
        using var response = await _http.PostAsync($"repositories/{repository}/refs/{source}/merge/{destination}", content, cancellationToken);
        await EnsureAsync(response, "mergeIntoBranch", cancellationToken);
    }

    /// <summary>Downloads the object and returns its length; the data is drained through a pooled buffer.</summary>
    public async Task<long> GetObjectAsync(string repository, string reference, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repositories/{repository}/refs/{reference}/objects?path={Escape(path)}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureAsync(response, "getObject", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await DrainAsync(body, cancellationToken);
    }

    public async Task StatObjectAsync(string repository, string reference, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repositories/{repository}/refs/{reference}/objects/stat?path={Escape(path)}", cancellationToken);
        await EnsureAsync(response, "statObject", cancellationToken);
    }

    /// <summary>One page of <c>listObjects</c>; returns the number of results (objects and common prefixes).</summary>
    public async Task<int> ListObjectsAsync(string repository, string reference, string prefix, string delimiter, int amount, CancellationToken cancellationToken)
    {
        var uri = $"repositories/{repository}/refs/{reference}/objects/ls?prefix={Escape(prefix)}&delimiter={Escape(delimiter)}&amount={amount}";
        using var response = await _http.GetAsync(uri, cancellationToken);
        await EnsureAsync(response, "listObjects", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("results").GetArrayLength();
    }

    public async Task DeleteObjectAsync(string repository, string branch, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"repositories/{repository}/branches/{branch}/objects?path={Escape(path)}", cancellationToken);
        await EnsureAsync(response, "deleteObject", cancellationToken);
    }

    /// <summary>The status <c>getPhysicalAddress</c> answers: 200 when the server can hand out addresses to link, 501 when it cannot.</summary>
    public async Task<int> ProbePhysicalAddressAsync(string repository, string branch, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repositories/{repository}/branches/{branch}/staging/backing?path={Escape(path)}", cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary><c>getPhysicalAddress</c>: a fresh address to write data to, to be linked once.</summary>
    public async Task<string> GetPhysicalAddressAsync(string repository, string branch, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"repositories/{repository}/branches/{branch}/staging/backing?path={Escape(path)}", cancellationToken);
        await EnsureAsync(response, "getPhysicalAddress", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("physical_address").GetString()
            ?? throw new LoadRequestException("getPhysicalAddress: answer without a physical_address");
    }

    /// <summary><c>linkPhysicalAddress</c>: records data at <paramref name="physicalAddress"/> as the object at <paramref name="path"/>.</summary>
    public async Task LinkPhysicalAddressAsync(string repository, string branch, string path, string physicalAddress, string checksum, long size, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["staging"] = new Dictionary<string, string> { ["physical_address"] = physicalAddress },
            ["checksum"] = checksum,
            ["size_bytes"] = size,
        };
        using var content = JsonContent.Create(body);
        using var response = await _http.PutAsync($"repositories/{repository}/branches/{branch}/staging/backing?path={Escape(path)}", content, cancellationToken);
        await EnsureAsync(response, "linkPhysicalAddress", cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static async Task<long> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(detail);
            if (document.RootElement.TryGetProperty("message", out var message))
            {
                detail = message.GetString() ?? detail;
            }
        }
        catch (JsonException)
        {
            // Not a lakeFS error body: keep the start of the text as it is.
        }

        throw new LoadRequestException(operation, (int)response.StatusCode, detail.Length > 200 ? detail[..200] : detail);
    }
}
