namespace Tarn.Auth.Storage;

/// <summary>A decoded record together with the exact bytes it was read from, for a later compare-and-swap.</summary>
internal readonly record struct Stored<T>(T Value, byte[] Raw);
