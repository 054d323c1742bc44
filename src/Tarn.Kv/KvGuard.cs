namespace Tarn.Kv;

/// <summary>Argument checks shared by every store, so all of them reject the same misuse the same way.</summary>
public static class KvGuard
{
    public static void CheckPartition(string partition)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
    }

    public static void Check(string partition, ReadOnlyMemory<byte> key)
    {
        CheckPartition(partition);
        if (key.IsEmpty)
        {
            throw new ArgumentException("A key must not be empty.", nameof(key));
        }
    }
}
