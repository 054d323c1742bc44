using Tarn.Server.Configuration.Schema;

namespace Tarn.Server.Configuration.Sources;

/// <summary>The two lowest layers: the key table's defaults, then the profile's (docs/configuration.md, "Profiles").</summary>
internal static class DefaultLayers
{
    public const string QuickstartUserName = "quickstart";
    public const string QuickstartAccessKeyId = "AKIAIOSFOLQUICKSTART";
    public const string QuickstartSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>Tarn's choice: the quickstart credentials are public, so quickstart listens on loopback unless configured.</summary>
    public const string QuickstartListenAddress = "127.0.0.1:8000";

    public static Dictionary<string, RawValue> Defaults(ConfigKeyCatalog catalog)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var key in catalog.Keys)
        {
            if (key.Default is { } text)
            {
                values[key.Name] = new RawValue(text, ValueSource.Default, "default");
            }
        }

        return values;
    }

    public static Dictionary<string, RawValue> Profile(ConfigProfile profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile is ConfigProfile.LocalSettings or ConfigProfile.Quickstart)
        {
            values["database.type"] = "local";
            values["blockstore.type"] = "local";
            values["auth.encrypt.secret_key"] = ConfigKeySchema.PlaceholderSecret;
        }

        if (profile is ConfigProfile.Quickstart)
        {
            values["installation.user_name"] = QuickstartUserName;
            values["installation.access_key_id"] = QuickstartAccessKeyId;
            values["installation.secret_access_key"] = QuickstartSecretAccessKey;
            values["listen_address"] = QuickstartListenAddress;
        }

        var origin = profile == ConfigProfile.Quickstart ? "--quickstart profile" : "--local-settings profile";
        return values.ToDictionary(
            pair => pair.Key,
            pair => new RawValue(pair.Value, ValueSource.Profile, origin),
            StringComparer.Ordinal);
    }
}
