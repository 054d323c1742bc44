namespace Tarn.Versioning.Model;

/// <summary>
/// A versioned value: <see cref="Identity"/> decides equality (diff, commit "no changes", merge conflicts),
/// <see cref="Data"/> is opaque to the engine (the catalog stores a serialized object entry in it).
/// </summary>
public sealed record Value(byte[] Identity, byte[] Data)
{
    /// <summary>Same identity means same content for every engine algorithm.</summary>
    public bool SameIdentity(Value other) => Identity.AsSpan().SequenceEqual(other.Identity);
}
