using System.Security.Cryptography;
using System.Text;
using Tarn.Kv;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Staging;

/// <summary>
/// Uncommitted values (docs/staging.md, "Staging tokens"). Each staging token is its own KV partition keyed by path
/// bytes; a key holds a value or a tombstone ("deleted on this branch"). Which token a write goes to,
/// and the read order across a branch's tokens, are the caller's (see <see cref="BranchWriteProtocol"/>
/// and <see cref="IterateCombined"/>).
/// </summary>
public sealed class StagingStore
{
    /// <summary>The partition of drop markers for the <see cref="StagingTokenSweeper"/>.</summary>
    public const string CleanupPartition = "cleanup-tokens";

    // Attempts for the conditional write: each retry means the key changed between our read and our
    // CAS, which at most a handful of concurrent writers of the same path can cause.
    private const int ConditionalWriteAttempts = 5;

    private readonly IKvStore _kv;
    private readonly TimeProvider _time;

    public StagingStore(IKvStore kv, TimeProvider? time = null)
    {
        _kv = kv;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// A new token: <c>st:</c> and 96 random bits in hex (27 characters). Every staged entry stores its token as
    /// the KV partition, so the token is kept short and independent of name lengths (lakeFS's
    /// <c>&lt;repository&gt;-&lt;branch&gt;:&lt;UUID&gt;</c> cost up to 140 bytes per staged entry; T13 allows 300 in all).
    /// Tokens written in the older form stay valid: they are opaque.
    /// </summary>
    public static StagingToken NewToken() => new("st:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));

    /// <summary>The staged record under <paramref name="key"/>: null when absent, a record with a null value for a tombstone.</summary>
    public async ValueTask<ValueRecord?> GetAsync(StagingToken token, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        var entry = await _kv.GetAsync(token.Value, key, cancellationToken);
        return entry is null ? null : new ValueRecord(entry.Key, StagedValueCodec.Decode(entry.Value));
    }

    /// <summary>The first record for <paramref name="key"/> among <paramref name="tokens"/> (newest first), or null when none has it.</summary>
    public async ValueTask<ValueRecord?> GetFirstAsync(IReadOnlyList<StagingToken> tokens, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        foreach (var token in tokens)
        {
            var record = await GetAsync(token, key, cancellationToken);
            if (record is not null)
            {
                return record;
            }
        }

        return null;
    }

    public ValueTask SetAsync(StagingToken token, ReadOnlyMemory<byte> key, Value value, CancellationToken cancellationToken = default) =>
        _kv.SetAsync(token.Value, key, StagedValueCodec.Encode(value), cancellationToken);

    /// <summary>Marks the key deleted in this token (masks older tokens and committed data).</summary>
    public ValueTask SetTombstoneAsync(StagingToken token, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
        _kv.SetAsync(token.Value, key, StagedValueCodec.Tombstone, cancellationToken);

    /// <summary>
    /// The If-None-Match write: stores <paramref name="value"/> only if this token holds nothing or a
    /// tombstone for the key, by compare-and-swap; false when a live value is there (412 for the caller).
    /// Whether the path exists in sealed tokens or HEAD is the caller's check, made before.
    /// </summary>
    public async ValueTask<bool> SetIfAbsentAsync(StagingToken token, ReadOnlyMemory<byte> key, Value value, CancellationToken cancellationToken = default)
    {
        var encoded = StagedValueCodec.Encode(value);
        for (var attempt = 0; attempt < ConditionalWriteAttempts; attempt++)
        {
            var current = await _kv.GetAsync(token.Value, key, cancellationToken);
            if (current is not null && !StagedValueCodec.IsTombstone(current.Value))
            {
                return false;
            }

            var predicate = current is null ? KvPredicate.Absent : KvPredicate.ValueIs(current.Value);
            if (await _kv.SetIfAsync(token.Value, key, encoded, predicate, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the key from this token entirely (neither value nor tombstone), e.g. reset of one path.</summary>
    public ValueTask DeleteAsync(StagingToken token, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
        _kv.DeleteAsync(token.Value, key, cancellationToken);

    /// <summary>Whether the token holds no key at all (values and tombstones both count).</summary>
    public async ValueTask<bool> IsEmptyAsync(StagingToken token, CancellationToken cancellationToken = default)
    {
        await foreach (var _ in _kv.ScanAsync(token.Value, ReadOnlyMemory<byte>.Empty, cancellationToken))
        {
            return false;
        }

        return true;
    }

    /// <summary>Ordered iterator over one token, tombstones included.</summary>
    public IValueIterator Iterate(StagingToken token) => new StagingIterator(_kv, token);

    /// <summary>
    /// Ordered iterator over several tokens, newest first (a branch's staging token then its sealed
    /// tokens): for a key held by several, the first token's record wins. Tombstones stay in the stream
    /// so callers can mask committed data with them.
    /// </summary>
    public IValueIterator IterateCombined(IReadOnlyList<StagingToken> tokens) =>
        tokens.Count == 1 ? Iterate(tokens[0]) : new CombinedStagingIterator([.. tokens.Select(Iterate)]);

    /// <summary>
    /// Schedules tokens for deletion: writes a marker per token into <see cref="CleanupPartition"/>; the
    /// <see cref="StagingTokenSweeper"/> deletes their keys later, off the request path. Callers must
    /// drop only tokens no branch references any more.
    /// </summary>
    public async ValueTask DropTokensAsync(IEnumerable<StagingToken> tokens, CancellationToken cancellationToken = default)
    {
        var droppedAt = Encoding.UTF8.GetBytes(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var token in tokens.Distinct())
        {
            await _kv.SetAsync(CleanupPartition, Encoding.UTF8.GetBytes(token.Value), droppedAt, cancellationToken);
        }
    }
}
