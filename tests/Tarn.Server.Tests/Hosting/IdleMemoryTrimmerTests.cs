using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tarn.Server.Hosting;

namespace Tarn.Server.Tests.Hosting;

/// <summary>When the trimmer collects: once after a burst of allocation, when the process goes quiet; never under load.</summary>
public sealed class IdleMemoryTrimmerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private long _allocated;
    private int _collections;

    [Fact]
    public async Task A_quiet_process_after_a_burst_is_trimmed_once()
    {
        await RunAsync(async step =>
        {
            await step(IdleMemoryTrimmer.WorthTrimmingBytes * 2); // the burst
            await step(1024);                                      // quiet: trimmed
            await step(1024);                                      // still quiet: nothing more to give back
            await step(0);
        });

        Assert.Equal(1, _collections);
    }

    [Fact]
    public async Task A_process_under_load_is_never_collected_by_the_trimmer()
    {
        await RunAsync(async step =>
        {
            for (var i = 0; i < 10; i++)
            {
                await step(IdleMemoryTrimmer.QuietAllocationBytes * 4);
            }
        });

        Assert.Equal(0, _collections);
    }

    [Fact]
    public async Task A_quiet_process_that_allocated_little_is_left_alone()
    {
        await RunAsync(async step =>
        {
            for (var i = 0; i < 10; i++)
            {
                await step(IdleMemoryTrimmer.QuietAllocationBytes / 2);
            }
        });

        Assert.Equal(0, _collections);
    }

    // Runs the trimmer; each step allocates the given bytes, then lets one interval pass.
    private async Task RunAsync(Func<Func<long, Task>, Task> steps)
    {
        using var trimmer = new IdleMemoryTrimmer(
            _time, NullLogger<IdleMemoryTrimmer>.Instance, () => Interlocked.Read(ref _allocated), () => Interlocked.Increment(ref _collections));
        await trimmer.StartAsync(TestContext.Current.CancellationToken);
        await steps(async bytes =>
        {
            Interlocked.Add(ref _allocated, bytes);
            var before = Volatile.Read(ref _collections);
            _time.Advance(IdleMemoryTrimmer.Interval);
            // Let the tick's continuation run before the next step.
            for (var i = 0; i < 20 && Volatile.Read(ref _collections) == before; i++)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
        });
        await trimmer.StopAsync(TestContext.Current.CancellationToken);
    }
}
