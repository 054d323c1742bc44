namespace Tarn.Auth.Storage;

/// <summary>
/// Left behind when a user is deleted: every token of that user was issued before <see cref="ValidFromMs"/>,
/// so a later user of the same name starts its own tokens from there.
/// </summary>
internal sealed record TokenEpochRecord(long ValidFromMs);
