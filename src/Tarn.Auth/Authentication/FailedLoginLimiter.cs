namespace Tarn.Auth.Authentication;

/// <summary>
/// Counts failed logins per access key (and client, when known) and refuses further attempts for a while
/// once too many fail: after <see cref="LoginThrottleOptions.FreeFailures"/> failures each further one
/// doubles the refusal window, capped at <see cref="LoginThrottleOptions.MaxDelay"/>. Refused attempts are
/// not counted, so the window never grows past the cap, and a quiet period forgets the history: a key can
/// be slowed down by someone who knows its id, never locked out for good. In memory, per process.
/// </summary>
internal sealed class FailedLoginLimiter(LoginThrottleOptions options, TimeProvider time)
{
    private readonly Dictionary<string, FailureState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long the caller must still wait, or null when an attempt may be made now.</summary>
    public TimeSpan? RetryAfter(string accessKeyId, string? client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _states.TryGetValue(Key(accessKeyId, client), out var state) && state.BlockedUntil > now
                ? state.BlockedUntil - now
                : null;
        }
    }

    public void RecordFailure(string accessKeyId, string? client)
    {
        var now = time.GetUtcNow();
        var key = Key(accessKeyId, client);
        lock (_lock)
        {
            if (!_states.TryGetValue(key, out var state) || now - state.LastFailure > options.ForgetAfter)
            {
                if (!_states.ContainsKey(key) && _states.Count >= options.MaxTrackedKeys)
                {
                    Evict(now);
                }

                state = new FailureState();
                _states[key] = state;
            }

            state.Failures++;
            state.LastFailure = now;
            var excess = state.Failures - options.FreeFailures;
            if (excess > 0)
            {
                // 1×, 2×, 4× … the base delay; the exponent is capped so the shift cannot overflow.
                var delay = options.BaseDelay * (1L << Math.Min(excess - 1, 30));
                state.BlockedUntil = now + (delay > options.MaxDelay ? options.MaxDelay : delay);
            }
        }
    }

    public void RecordSuccess(string accessKeyId, string? client)
    {
        lock (_lock)
        {
            _states.Remove(Key(accessKeyId, client));
        }
    }

    private static string Key(string accessKeyId, string? client) => client is null ? accessKeyId : accessKeyId + "\n" + client;

    /// <summary>Drops forgotten entries, and if that is not enough the older half (by last failure).</summary>
    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, state) in _states.ToList())
        {
            if (now - state.LastFailure > options.ForgetAfter && state.BlockedUntil <= now)
            {
                _states.Remove(key);
            }
        }

        if (_states.Count < options.MaxTrackedKeys)
        {
            return;
        }

        foreach (var (key, _) in _states.OrderBy(s => s.Value.LastFailure).Take(_states.Count / 2).ToList())
        {
            _states.Remove(key);
        }
    }

    private sealed class FailureState
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
