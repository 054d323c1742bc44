using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>One differing key.</summary>
/// <param name="Type">What kind of difference.</param>
/// <param name="Key">The key that differs.</param>
/// <param name="Value">
/// The right (source) side's value; for <see cref="DiffType.Removed"/> the left side's; for a conflict
/// the source's when it has one, else the destination's.
/// </param>
/// <param name="LeftIdentity">The left (destination) side's identity when the left side has the key.</param>
public sealed record DiffRecord(DiffType Type, byte[] Key, Value Value, byte[]? LeftIdentity);
