namespace Tarn.Auth.Storage;

/// <summary>Communication preferences; <see cref="PrefsGiven"/> false records an explicit "not given" (CLI setup).</summary>
internal sealed record CommPrefsRecord(string? Email, bool FeatureUpdates, bool SecurityUpdates, bool PrefsGiven);
