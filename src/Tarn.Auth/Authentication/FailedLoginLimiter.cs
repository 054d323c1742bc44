namespace Tarn.Auth.Authentication;

/// <summary>
/// Slows down guessing of secrets without ever locking out the right one. Wrong secrets are counted per
/// access key and client (the remote address); after <see cref="LoginThrottleOptions.FreeFailures"/> of them,
/// each further wrong answer is held back for a delay that doubles up to
/// <see cref="LoginThrottleOptions.MaxDelay"/>. The secret is checked before anything is held, so the right
/// secret is answered at once, whatever came before: knowing a key id is not enough to lock its owner out.
/// A guesser cannot go faster by sending more at once: at most <see cref="LoginThrottleOptions.MaxHeldPerKey"/>
/// wrong answers of one key and client count down their delay together, the others wait their turn. Only
/// when the whole process holds <see cref="LoginThrottleOptions.MaxHeldInAll"/> answers are further attempts
/// refused unchecked (429, or SlowDown on the gateway), so a flood cannot exhaust the server. Success clears
/// the count; a quiet period forgets it. In memory, per process.
/// </summary>
internal sealed class FailedLoginLimiter(LoginThrottleOptions options, TimeProvider time)
{
    private readonly Dictionary<string, FailureState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _heldInAll;

    /// <summary>Null when an attempt may be checked now; otherwise how long the caller should wait.</summary>
    public TimeSpan? RetryAfter()
    {
        lock (_lock)
        {
            return _heldInAll >= options.MaxHeldInAll ? options.BaseDelay : null;
        }
    }

    /// <summary>Counts a wrong secret and holds the caller back for the delay the count has reached.</summary>
    public async Task RecordFailureAsync(string accessKeyId, string? client, CancellationToken cancellationToken)
    {
        var key = Key(accessKeyId, client);
        TimeSpan delay;
        FailureState state;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_states.TryGetValue(key, out var found) || (found.Held == 0 && now - found.LastFailure > options.ForgetAfter))
            {
                if (found is null && _states.Count >= options.MaxTrackedKeys)
                {
                    Evict(now);
                }

                found = new FailureState(options.MaxHeldPerKey);
                _states[key] = found;
            }

            state = found;
            state.Failures++;
            state.LastFailure = now;
            delay = DelayFor(state.Failures);
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            state.Held++;
            _heldInAll++;
        }

        try
        {
            await state.Slots.WaitAsync(cancellationToken);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            finally
            {
                state.Slots.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                state.Held--;
                _heldInAll--;
            }
        }
    }

    public void RecordSuccess(string accessKeyId, string? client)
    {
        lock (_lock)
        {
            var key = Key(accessKeyId, client);
            if (_states.TryGetValue(key, out var state))
            {
                if (state.Held == 0)
                {
                    _states.Remove(key);
                }
                else
                {
                    // Held answers still release their slots on this state; start the count afresh.
                    state.Failures = 0;
                }
            }
        }
    }

    // None for the first FreeFailures; then 1x, 2x, 4x ... the base delay (the exponent is capped so the shift
    // cannot overflow), at most MaxDelay.
    private TimeSpan DelayFor(int failures)
    {
        var excess = failures - options.FreeFailures;
        if (excess <= 0)
        {
            return TimeSpan.Zero;
        }

        var delay = options.BaseDelay * (1L << Math.Min(excess - 1, 30));
        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }

    private static string Key(string accessKeyId, string? client) => client is null ? accessKeyId : accessKeyId + "\n" + client;

    /// <summary>Drops forgotten entries, and if that is not enough the older half (by last failure); never a held one.</summary>
    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, state) in _states.ToList())
        {
            if (state.Held == 0 && now - state.LastFailure > options.ForgetAfter)
            {
                _states.Remove(key);
            }
        }

        if (_states.Count < options.MaxTrackedKeys)
        {
            return;
        }

        foreach (var (key, _) in _states.Where(s => s.Value.Held == 0).OrderBy(s => s.Value.LastFailure).Take(_states.Count / 2).ToList())
        {
            _states.Remove(key);
        }
    }

    private sealed class FailureState(int concurrentHolds)
    {
        public int Failures { get; set; }

        /// <summary>Wrong answers being held or waiting for a slot.</summary>
        public int Held { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        /// <summary>The wrong answers that count down their delay at the same time.</summary>
        public SemaphoreSlim Slots { get; } = new(concurrentHolds);
    }
}
