using System.Collections.Concurrent;
using Tarn.Auth.Storage;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Recent access-key lookups (the credential record and its owner, or "no such key"), so an authenticated
/// request does not read two records from the metadata store (lakeFS's <c>auth.cache</c>). Secrets stay
/// encrypted in here. Every auth mutation made through this process invalidates all entries at once (the
/// store's change counter); the time-to-live bounds staleness caused by other instances. Unknown keys are
/// cached too, so a cache hit does not tell a caller that a key id exists; the size bound keeps random key
/// ids from growing memory.
/// </summary>
internal sealed class CredentialCache(AuthStore store, TimeSpan ttl)
{
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True with the cached lookup (null: the key does not exist) when a fresh entry is held.</summary>
    public bool TryGet(string accessKeyId, out (CredentialRecord Credential, UserRecord Owner)? found)
    {
        if (_entries.TryGetValue(accessKeyId, out var entry) && entry.Generation == store.Generation && entry.ExpiresAt > store.Now())
        {
            found = entry.Found;
            return true;
        }

        found = null;
        return false;
    }

    /// <summary>Remembers a lookup made when the store's change counter was <paramref name="generation"/>.</summary>
    public void Add(string accessKeyId, long generation, (CredentialRecord Credential, UserRecord Owner)? found)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[accessKeyId] = new Entry(generation, store.Now() + ttl, found);
    }

    private sealed record Entry(long Generation, DateTimeOffset ExpiresAt, (CredentialRecord Credential, UserRecord Owner)? Found);
}
