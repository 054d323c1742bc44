namespace Tarn.Auth.Setup;

/// <summary>Communication preferences given at setup. <see cref="object.ToString"/> leaves the email out.</summary>
public sealed record CommPrefs(string Email, bool FeatureUpdates, bool SecurityUpdates)
{
    public override string ToString() =>
        $"CommPrefs {{ Email = <redacted>, FeatureUpdates = {FeatureUpdates}, SecurityUpdates = {SecurityUpdates} }}";
}
