using Microsoft.Extensions.Time.Testing;
using Tarn.Auth.Authentication;

namespace Tarn.Auth.Tests;

public sealed class FailedLoginLimiterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly FailedLoginLimiter _limiter;

    public FailedLoginLimiterTests() =>
        _limiter = new FailedLoginLimiter(new LoginThrottleOptions { FreeFailures = 3, MaxTrackedKeys = 4, MaxHeldPerKey = 2, MaxHeldInAll = 4 }, _time);

    [Fact]
    public void The_first_failures_are_answered_at_once()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(_limiter.RecordFailureAsync("key", null, Token).IsCompleted);
        }

        Assert.Null(_limiter.RetryAfter());
    }

    [Fact]
    public async Task Each_further_failure_is_held_twice_as_long_up_to_the_cap()
    {
        await FailAsync("key", times: 3);
        var held = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            held.Add(await HeldForAsync("key"));
        }

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], held);
    }

    [Fact]
    public async Task Wrong_answers_beyond_the_held_ones_wait_their_turn()
    {
        await FailAsync("key", times: 3, client: "10.0.0.66");
        Task[] guesses = [.. Enumerable.Range(0, 3).Select(_ => _limiter.RecordFailureAsync("key", "10.0.0.66", Token))];

        // Nothing is refused for a key: guesses at once queue up. Two count down together (1 s and 2 s); the
        // third starts its 4 s when the first frees a slot.
        Assert.Null(_limiter.RetryAfter());
        var seconds = await SecondsUntilEachCompletesAsync(guesses);
        Assert.Equal(new double[] { 1, 2, 5 }, seconds);
    }

    [Fact]
    public async Task The_process_holds_a_bounded_number_of_answers()
    {
        var held = new List<Task>();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await FailAsync(key, times: 3);
            held.Add(_limiter.RecordFailureAsync(key, null, Token));
        }

        Assert.NotNull(_limiter.RetryAfter());

        await SecondsUntilEachCompletesAsync([.. held]);
        Assert.Null(_limiter.RetryAfter());
    }

    [Fact]
    public async Task A_quiet_period_forgets_the_failures()
    {
        await FailAsync("key", times: 3);
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.True(_limiter.RecordFailureAsync("key", null, Token).IsCompleted);
    }

    [Fact]
    public async Task A_success_clears_the_count()
    {
        await FailAsync("key", times: 3);
        _limiter.RecordSuccess("key", null);

        Assert.True(_limiter.RecordFailureAsync("key", null, Token).IsCompleted);
    }

    [Fact]
    public async Task A_caller_that_goes_away_releases_its_hold()
    {
        await FailAsync("key", times: 3);
        using var gone = new CancellationTokenSource();
        var first = _limiter.RecordFailureAsync("key", null, gone.Token);
        var second = _limiter.RecordFailureAsync("key", null, Token);
        var third = _limiter.RecordFailureAsync("key", null, Token);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // The third took the freed slot at once: it is answered 4 s later, not after the second's 2 s.
        var seconds = await SecondsUntilEachCompletesAsync([second, third]);
        Assert.Equal(new double[] { 2, 4 }, seconds);
    }

    [Fact]
    public async Task Memory_stays_bounded_when_many_keys_fail()
    {
        for (var i = 0; i < 100; i++)
        {
            await FailAsync($"key{i}", times: 1);
        }

        await FailAsync("last", times: 3);

        Assert.Equal(1, await HeldForAsync("last"));
    }

    private async Task FailAsync(string key, int times, string? client = null)
    {
        for (var i = 0; i < times; i++)
        {
            await _limiter.RecordFailureAsync(key, client, Token);
        }
    }

    // Seconds a failure is held (see SecondsUntilEachCompletesAsync).
    private async Task<double> HeldForAsync(string key) =>
        (await SecondsUntilEachCompletesAsync([_limiter.RecordFailureAsync(key, null, Token)]))[0];

    // Advances the fake clock one second at a time, letting continuations run in between (a waiter takes a
    // freed slot asynchronously), and returns after how many seconds each task completed.
    private async Task<double[]> SecondsUntilEachCompletesAsync(Task[] tasks)
    {
        var seconds = new double[tasks.Length];
        for (var elapsed = 0; elapsed <= 120; elapsed++)
        {
            for (var settle = 0; settle < 5; settle++)
            {
                await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(5, Token));
            }

            for (var i = 0; i < tasks.Length; i++)
            {
                if (tasks[i].IsCompleted && seconds[i] == 0)
                {
                    await tasks[i];
                    seconds[i] = elapsed;
                }
            }

            if (tasks.All(t => t.IsCompleted))
            {
                return seconds;
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("held answers were never released");
    }
}
