using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tarn.Kv;

namespace Tarn.Auth.Storage;

/// <summary>
/// Typed access to the auth partition: JSON records under <see cref="AuthKeys"/>, prefix scans, paging,
/// and the change counter that caches use to notice auth mutations.
/// </summary>
internal sealed class AuthStore(IKvStore kv, TimeProvider time)
{
    private long _generation;

    public TimeProvider Time { get; } = time;

    public static AuthJsonContext Json => AuthJsonContext.Default;

    /// <summary>Bumped by every mutation; a cache entry built under an older value is stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void MarkChanged() => Interlocked.Increment(ref _generation);

    public DateTimeOffset Now() => Time.GetUtcNow();

    /// <summary>A fresh random incarnation id for a user, group or policy.</summary>
    public static string NewUid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async ValueTask<Stored<T>?> GetAsync<T>(string key, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var entry = await kv.GetAsync(AuthKeys.Partition, Encode(key), cancellationToken);
        return entry is null ? null : new Stored<T>(Decode(entry.Value, info), entry.Value);
    }

    public async ValueTask<T?> GetValueAsync<T>(string key, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await GetAsync(key, info, cancellationToken);
        return stored?.Value;
    }

    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> info, CancellationToken cancellationToken) =>
        kv.SetAsync(AuthKeys.Partition, Encode(key), Serialize(value, info), cancellationToken);

    /// <summary>Writes only if nothing is stored under the key yet.</summary>
    public ValueTask<bool> CreateAsync<T>(string key, T value, JsonTypeInfo<T> info, CancellationToken cancellationToken) =>
        kv.SetIfAsync(AuthKeys.Partition, Encode(key), Serialize(value, info), KvPredicate.Absent, cancellationToken);

    /// <summary>Writes only if the key still holds exactly <paramref name="expected"/>.</summary>
    public ValueTask<bool> ReplaceAsync<T>(string key, T value, JsonTypeInfo<T> info, byte[] expected, CancellationToken cancellationToken) =>
        kv.SetIfAsync(AuthKeys.Partition, Encode(key), Serialize(value, info), KvPredicate.ValueIs(expected), cancellationToken);

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken) =>
        kv.DeleteAsync(AuthKeys.Partition, Encode(key), cancellationToken);

    /// <summary>
    /// Entries whose key starts with <paramref name="prefix"/>, as (id, value) where id is the rest of the
    /// key, in ascending byte order, starting at <paramref name="fromId"/> (inclusive).
    /// </summary>
    public async IAsyncEnumerable<(string Id, byte[] Value)> ScanAsync(
        string prefix, string fromId = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefixBytes = Encode(prefix);
        await foreach (var entry in kv.ScanAsync(AuthKeys.Partition, Encode(prefix + fromId), cancellationToken))
        {
            if (!entry.Key.AsSpan().StartsWith(prefixBytes))
            {
                yield break;
            }

            yield return (Encoding.UTF8.GetString(entry.Key, prefixBytes.Length, entry.Key.Length - prefixBytes.Length), entry.Value);
        }
    }

    /// <summary>
    /// One page of the entries under <paramref name="keyPrefix"/> filtered by the request's id prefix and
    /// <c>after</c>. <paramref name="map"/> turns an entry into an item or null to skip it (a stale link).
    /// </summary>
    public async ValueTask<Page<TItem>> PageAsync<TItem>(
        string keyPrefix,
        PageRequest request,
        Func<string, byte[], CancellationToken, ValueTask<TItem?>> map,
        CancellationToken cancellationToken)
        where TItem : class
    {
        var amount = request.EffectiveAmount;
        var idPrefix = request.Prefix ?? "";
        var after = request.After ?? "";
        var afterBytes = Encoding.UTF8.GetBytes(after);

        // Start at whichever is later in byte order: the id prefix or the "after" cursor.
        var start = Encoding.UTF8.GetBytes(idPrefix).AsSpan().SequenceCompareTo(afterBytes) > 0 ? idPrefix : after;
        var items = new List<TItem>(Math.Min(amount, 64));
        string lastId = "";
        await foreach (var (id, value) in ScanAsync(keyPrefix, start, cancellationToken))
        {
            if (!id.StartsWith(idPrefix, StringComparison.Ordinal))
            {
                break;
            }

            if (after.Length > 0 && Encoding.UTF8.GetBytes(id).AsSpan().SequenceCompareTo(afterBytes) <= 0)
            {
                continue;
            }

            var item = await map(id, value, cancellationToken);
            if (item is null)
            {
                continue;
            }

            items.Add(item);
            lastId = id;
            if (items.Count == amount)
            {
                break;
            }
        }

        var full = items.Count == amount;
        return new Page<TItem>(items, full, full ? lastId : "");
    }

    public ValueTask<Stored<UserRecord>?> GetUserAsync(string username, CancellationToken cancellationToken) =>
        GetAsync(AuthKeys.User(username), Json.UserRecord, cancellationToken);

    public ValueTask<Stored<GroupRecord>?> GetGroupAsync(string name, CancellationToken cancellationToken) =>
        GetAsync(AuthKeys.Group(name), Json.GroupRecord, cancellationToken);

    public ValueTask<Stored<PolicyRecord>?> GetPolicyAsync(string name, CancellationToken cancellationToken) =>
        GetAsync(AuthKeys.Policy(name), Json.PolicyRecord, cancellationToken);

    public ValueTask<Stored<CredentialRecord>?> GetCredentialAsync(string accessKeyId, CancellationToken cancellationToken) =>
        GetAsync(AuthKeys.Credential(accessKeyId), Json.CredentialRecord, cancellationToken);

    /// <summary>The user a credential belongs to, or null when the credential is stale (its user is gone or re-created).</summary>
    public async ValueTask<UserRecord?> GetOwnerAsync(CredentialRecord credential, CancellationToken cancellationToken)
    {
        var user = await GetUserAsync(credential.Username, cancellationToken);
        return user is { } u && u.Value.Uid == credential.UserUid ? u.Value : null;
    }

    /// <summary>Keys found under a prefix, collected first so the caller may delete while iterating.</summary>
    public async ValueTask<List<(string Id, byte[] Value)>> CollectAsync(string prefix, CancellationToken cancellationToken)
    {
        var result = new List<(string, byte[])>();
        await foreach (var entry in ScanAsync(prefix, "", cancellationToken))
        {
            result.Add(entry);
        }

        return result;
    }

    public static T Decode<T>(byte[] raw, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(raw, info) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(value, info);

    private static byte[] Encode(string key) => Encoding.UTF8.GetBytes(key);
}
