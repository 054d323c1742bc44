namespace Tarn.Kv;

/// <summary>One stored key and value. The arrays belong to the caller once returned.</summary>
public sealed record KvEntry(byte[] Key, byte[] Value);
