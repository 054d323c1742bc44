namespace Tarn.Auth.Storage;

/// <summary>
/// The one record that both serializes setup and marks it done. While a setup runs it holds a claim
/// (owner, time, username); setup finishes by swapping its own claim for <see cref="CompletedAt"/>, so
/// "initialized" is a single compare-and-swap and a stale claim can be taken over.
/// </summary>
internal sealed record SetupRecord(string? Owner, DateTimeOffset ClaimedAt, string? Username, DateTimeOffset? CompletedAt)
{
    public bool IsCompleted => CompletedAt is not null;
}
