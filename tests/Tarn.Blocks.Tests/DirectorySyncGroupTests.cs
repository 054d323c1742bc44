using Tarn.Blocks.Local;

namespace Tarn.Blocks.Tests;

public sealed class DirectorySyncGroupTests
{
    [Fact]
    public async Task Concurrent_flushes_of_one_directory_all_complete()
    {
        var directory = Directory.CreateTempSubdirectory("tarn-dirsync-").FullName;
        try
        {
            var flushes = Enumerable.Range(0, 64).Select(_ => Task.Run(() => DirectorySyncGroup.FlushAsync(directory), TestContext.Current.CancellationToken));
            await Task.WhenAll(flushes);
            // And the group is usable again once idle.
            await DirectorySyncGroup.FlushAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_flush_fails_its_callers()
    {
        var missing = Path.Combine(Path.GetTempPath(), "tarn-dirsync-missing-" + Guid.NewGuid().ToString("N"));
        await Assert.ThrowsAsync<IOException>(() => DirectorySyncGroup.FlushAsync(missing));
    }
}
