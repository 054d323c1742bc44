using Tarn.Server.Configuration.Schema;

namespace Tarn.Server.Configuration.Sources;

/// <summary>
/// Maps <c>LAKEFS_*</c> variables to keys through the key table, never by guessing where underscores were
/// dots: <c>LAKEFS_BLOCKSTORE_LOCAL_PATH</c> is <c>blockstore.local.path</c> because the table says so.
/// Variables matching no key are skipped, as in lakeFS (clients use <c>LAKEFS_ACCESS_KEY_ID</c> and the like);
/// their names (never values) are reported so the caller may log them at debug level.
/// </summary>
internal static class EnvironmentConfigReader
{
    private const string Prefix = "LAKEFS_";

    public static Dictionary<string, RawValue> Read(
        IReadOnlyDictionary<string, string> environment,
        ConfigKeyCatalog catalog,
        List<string> unmatchedVariables)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!catalog.TryGetByEnvironmentVariable(name, out var key))
            {
                unmatchedVariables.Add(name);
                continue;
            }

            // viper ignores empty variables (AllowEmptyEnv is off), so LAKEFS_X= does not blank a file value.
            if (value.Length > 0)
            {
                values[key.Name] = new RawValue(value, ValueSource.Environment, $"environment variable {name}");
            }
        }

        unmatchedVariables.Sort(StringComparer.Ordinal);
        return values;
    }
}
