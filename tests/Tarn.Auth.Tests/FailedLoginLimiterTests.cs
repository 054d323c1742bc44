using Microsoft.Extensions.Time.Testing;
using Tarn.Auth.Authentication;

namespace Tarn.Auth.Tests;

public sealed class FailedLoginLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly FailedLoginLimiter _limiter;

    public FailedLoginLimiterTests() =>
        _limiter = new FailedLoginLimiter(new LoginThrottleOptions { FreeFailures = 3, MaxTrackedKeys = 4 }, _time);

    [Fact]
    public void The_first_failures_are_free()
    {
        Fail("key", times: 3);

        Assert.Null(_limiter.RetryAfter("key", null));
    }

    [Fact]
    public void Each_further_failure_doubles_the_wait_up_to_the_cap()
    {
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 12; i++)
        {
            Fail("key", times: 1);
            waits.Add(_limiter.RetryAfter("key", null));
        }

        Assert.Equal([null, null, null], waits.Take(3));
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits.Skip(3).Select(w => w!.Value.TotalSeconds));
    }

    [Fact]
    public void A_quiet_period_forgets_the_failures()
    {
        Fail("key", times: 10);
        _time.Advance(TimeSpan.FromMinutes(16));

        Fail("key", times: 3);

        Assert.Null(_limiter.RetryAfter("key", null));
    }

    [Fact]
    public void A_success_clears_the_count()
    {
        Fail("key", times: 3);
        _limiter.RecordSuccess("key", null);
        Fail("key", times: 3);

        Assert.Null(_limiter.RetryAfter("key", null));
    }

    [Fact]
    public void Memory_stays_bounded_when_many_keys_fail()
    {
        for (var i = 0; i < 100; i++)
        {
            Fail($"key{i}", times: 1);
        }

        Fail("last", times: 4);

        Assert.NotNull(_limiter.RetryAfter("last", null));
    }

    private void Fail(string key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _limiter.RecordFailure(key, null);
        }
    }
}
