namespace Tarn.Versioning.Committed;

/// <summary>How <see cref="CommittedManager.ApplyAsync"/> treats a change set that changes nothing.</summary>
/// <param name="AllowEmpty">When false, applying no effective change throws <c>no changes</c>.</param>
public sealed record ApplyOptions(bool AllowEmpty = false);
