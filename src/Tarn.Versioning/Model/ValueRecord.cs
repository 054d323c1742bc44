namespace Tarn.Versioning.Model;

/// <summary>
/// A key and its value. In staging a null <see cref="Value"/> is a tombstone (the key is deleted on the
/// branch); in committed trees values are never null.
/// </summary>
public sealed record ValueRecord(byte[] Key, Value? Value)
{
    public bool IsTombstone => Value is null;
}
