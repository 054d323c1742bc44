using System.Text;
using Tarn.Kv;

namespace Tarn.Auth.Tests;

/// <summary>
/// Wraps a store and fails chosen writes, to simulate a process dying halfway through a multi-step
/// operation. Once <see cref="Dead"/> is set every operation fails, as if the process were gone.
/// </summary>
internal sealed class FaultyKvStore(IKvStore inner) : IKvStore
{
    /// <summary>A write to a key satisfying this fails (and, with <see cref="DieOnFault"/>, kills the store).</summary>
    public Func<string, bool> FailWrite { get; set; } = _ => false;

    public bool DieOnFault { get; set; }

    public bool Dead { get; private set; }

    public ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        ThrowIfDead();
        return inner.GetAsync(partition, key, cancellationToken);
    }

    public ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        CheckWrite(key);
        return inner.SetAsync(partition, key, value, cancellationToken);
    }

    public ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default)
    {
        CheckWrite(key);
        return inner.SetIfAsync(partition, key, value, predicate, cancellationToken);
    }

    public ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        CheckWrite(key);
        return inner.DeleteAsync(partition, key, cancellationToken);
    }

    public IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, CancellationToken cancellationToken = default)
    {
        ThrowIfDead();
        return inner.ScanAsync(partition, fromKey, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void CheckWrite(ReadOnlyMemory<byte> key)
    {
        ThrowIfDead();
        if (FailWrite(Encoding.UTF8.GetString(key.Span)))
        {
            Dead = DieOnFault;
            throw new IOException("simulated store failure");
        }
    }

    private void ThrowIfDead()
    {
        if (Dead)
        {
            throw new IOException("simulated crash: the store is gone");
        }
    }
}
