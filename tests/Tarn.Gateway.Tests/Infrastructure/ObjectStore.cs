using System.Collections.Concurrent;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>What the test operations received: bodies by bucket and key, with the payload mode that carried them.</summary>
public sealed class ObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), StoredObject> _objects = new();

    public void Put(string bucket, string key, StoredObject value) => _objects[(bucket, key)] = value;

    public StoredObject? Get(string bucket, string key) => _objects.TryGetValue((bucket, key), out var value) ? value : null;
}

/// <summary>A received body.</summary>
/// <param name="Data">The decoded bytes.</param>
/// <param name="PayloadHash">The <c>x-amz-content-sha256</c> header the request came with (the payload signing mode).</param>
/// <param name="ContentLength">The object length the gateway reported to the operation.</param>
/// <param name="User">The authenticated user.</param>
public sealed record StoredObject(byte[] Data, string PayloadHash, long? ContentLength, string User);
