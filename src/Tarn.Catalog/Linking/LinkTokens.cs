using System.Buffers.Binary;
using System.Text;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Linking;

/// <summary>
/// The single-use tokens behind the staging API (docs/objects.md, "Linking data the client wrote"): every address handed out by
/// <c>getPhysicalAddress</c> is recorded in the repository's KV partition, and linking it consumes the record.
/// So a client can only link data to addresses the server gave it, each once, within <see cref="Lifetime"/>.
/// </summary>
internal sealed class LinkTokens
{
    /// <summary>How long an issued address may be linked: lakeFS's 6 hours, also the GC grace period.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    private const string KeyPrefix = "link-address/";

    // A consumed token is first swapped for this marker (compare-and-swap), so two concurrent links of one
    // address cannot both succeed, then deleted.
    private static readonly byte[] ConsumedMarker = "consumed"u8.ToArray();

    private readonly IKvStore _kv;
    private readonly TimeProvider _time;

    public LinkTokens(IKvStore kv, TimeProvider time)
    {
        _kv = kv;
        _time = time;
    }

    /// <summary>Records <paramref name="address"/> as issued now; 409 when it was already issued.</summary>
    public async Task RegisterAsync(RepositoryRecord repository, string address, CancellationToken cancellationToken)
    {
        var issued = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(issued, _time.GetUtcNow().ToUnixTimeSeconds());
        if (!await _kv.SetIfAsync(repository.Partition, Key(address), issued, KvPredicate.Absent, cancellationToken))
        {
            throw TarnException.Conflict("address token already exists: not unique");
        }
    }

    /// <summary>
    /// Consumes the token of <paramref name="address"/>: 400 <c>bad address token (expired or invalid)</c> unless
    /// it was issued, not yet used and is younger than <see cref="Lifetime"/>. The token is gone afterwards
    /// whatever the verdict, as in lakeFS.
    /// </summary>
    public async Task ConsumeAsync(RepositoryRecord repository, string address, CancellationToken cancellationToken)
    {
        var key = Key(address);
        var entry = await _kv.GetAsync(repository.Partition, key, cancellationToken);
        if (entry is null || entry.Value.Length != sizeof(long)
            || !await _kv.SetIfAsync(repository.Partition, key, ConsumedMarker, KvPredicate.ValueIs(entry.Value), cancellationToken))
        {
            throw BadToken();
        }

        await _kv.DeleteAsync(repository.Partition, key, cancellationToken);
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(entry.Value));
        if (_time.GetUtcNow() - issuedAt > Lifetime)
        {
            throw BadToken();
        }
    }

    private static byte[] Key(string address) => Encoding.UTF8.GetBytes(KeyPrefix + address);

    private static TarnException BadToken() => TarnException.Invalid("bad address token (expired or invalid)");
}
