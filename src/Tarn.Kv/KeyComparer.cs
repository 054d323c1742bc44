namespace Tarn.Kv;

/// <summary>Unsigned byte-wise ordering of keys, the one order every store must produce.</summary>
public sealed class KeyComparer : IComparer<byte[]>
{
    public static KeyComparer Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : x.AsSpan().SequenceCompareTo(y);
}
