namespace Tarn.Server.Configuration.Settings;

/// <summary><c>auth.cache.*</c>: caching of credentials, users and effective policies.</summary>
public sealed record AuthCacheSettings
{
    public required bool Enabled { get; init; }

    /// <summary>LRU entries per cache.</summary>
    public required int Size { get; init; }

    public required TimeSpan Ttl { get; init; }

    /// <summary>Random extra TTL, up to this much, so entries do not all expire together.</summary>
    public required TimeSpan Jitter { get; init; }
}
