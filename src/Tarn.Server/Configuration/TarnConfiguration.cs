using Tarn.Server.Configuration.Binding;
using Tarn.Server.Configuration.Parsing;
using Tarn.Server.Configuration.Schema;
using Tarn.Server.Configuration.Sources;

namespace Tarn.Server.Configuration;

/// <summary>
/// Loads a lakeFS-compatible configuration (docs/configuration.md): built-in defaults &lt; profile &lt; YAML file &lt;
/// <c>LAKEFS_*</c> environment variables, checked against the key table, validated, and bound to
/// <see cref="Settings.TarnSettings"/>. Reads only what the request names; logs nothing.
/// </summary>
public static class TarnConfiguration
{
    /// <summary>Loads and validates; throws <see cref="ConfigurationException"/> naming the offending key.</summary>
    public static ConfigLoadResult Load(ConfigLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = ConfigKeyCatalog.Default;

        var configFile = ConfigFileLocator.Locate(request);
        var fileValues = configFile is null
            ? new Dictionary<string, RawValue>()
            : YamlConfigReader.Read(ReadFile(configFile), configFile, catalog);
        var unmatchedVariables = new List<string>();
        var environmentValues = EnvironmentConfigReader.Read(request.Environment, catalog, unmatchedVariables);

        var parser = new ValueParser(request.HomeDirectory, request.WorkingDirectory);
        var values = new ConfigValues(
            catalog,
            parser,
            DefaultLayers.Defaults(catalog),
            DefaultLayers.Profile(request.Profile),
            fileValues,
            environmentValues);

        SettingsValidator.Validate(values, request.Profile);
        var settings = SettingsBinder.Bind(values, request.Profile) with { EffectiveLines = ConfigDescriber.Describe(values) };
        return new ConfigLoadResult
        {
            Settings = settings,
            Warnings = SettingsValidator.CollectWarnings(values, request.Profile),
            ConfigFile = configFile,
            UnmatchedEnvironmentVariables = unmatchedVariables,
        };
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"config file \"{path}\": {e.Message}", key: null, e);
        }
    }
}
