namespace Tarn.Catalog.Linking;

/// <summary>A fresh place for a client to write an object's data before linking it.</summary>
/// <param name="Address">Relative to the repository's storage namespace (<c>data/…</c>).</param>
/// <param name="PhysicalAddress">The same place, fully qualified, as clients see it.</param>
/// <param name="ExpiresAt">After this moment the address can no longer be linked.</param>
public sealed record IssuedAddress(string Address, string PhysicalAddress, DateTimeOffset ExpiresAt);
