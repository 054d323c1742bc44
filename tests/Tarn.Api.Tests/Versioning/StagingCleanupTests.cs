using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Staging;

namespace Tarn.Api.Tests.Versioning;

/// <summary>The server deletes the staged entries a commit consumed, in the background.</summary>
public sealed class StagingCleanupTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tokens_consumed_by_a_commit_are_deleted_by_the_server_within_seconds()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("cleanup");
        await api.CreateRepositoryAsync(repo);
        await api.StageAsync(repo, "main", "data/a.csv", "a");
        await api.StageAsync(repo, "main", "data/b.csv", "b");
        await api.CommitAsync(repo, "main", "two files");

        // The commit leaves a marker per consumed token; the sweeper deletes the token's entries, then the marker.
        var kv = fixture.Server.Services.GetRequiredService<IKvStore>();
        var clock = Stopwatch.StartNew();
        while (await HasMarkersAsync(kv))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "consumed staging tokens were not deleted within 30 s");
            await Task.Delay(100, Token);
        }

        // The committed values stay readable: only the consumed staging entries went away.
        var versions = fixture.Server.Services.GetRequiredService<VersionController>();
        foreach (var path in new[] { "data/a.csv", "data/b.csv" })
        {
            Assert.NotNull(await versions.GetAsync(repo, "main@", Encoding.UTF8.GetBytes(path), Token));
        }
    }

    private static async Task<bool> HasMarkersAsync(IKvStore kv)
    {
        await foreach (var marker in kv.ScanAsync(StagingStore.CleanupPartition, ReadOnlyMemory<byte>.Empty, Token))
        {
            return true;
        }

        return false;
    }
}
