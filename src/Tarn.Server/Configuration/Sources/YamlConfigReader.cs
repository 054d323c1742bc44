using Tarn.Server.Configuration.Schema;

namespace Tarn.Server.Configuration.Sources;

/// <summary>
/// Reads a lakeFS YAML configuration into dotted keys (<c>database: {type: local}</c> → <c>database.type</c>).
/// Keys are matched case-insensitively, as viper does. Every key must be in the key table: an unknown key is
/// fatal (lakeFS decodes strictly too), so a typo such as <c>databse.type</c> cannot silently fall back to a default.
/// </summary>
internal static class YamlConfigReader
{
    public static Dictionary<string, RawValue> Read(string yaml, string filePath, ConfigKeyCatalog catalog)
    {
        var origin = $"config file {filePath}";
        var root = YamlTree.Parse(yaml, $"config file \"{filePath}\"");
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        if (root is null)
        {
            return values;
        }

        if (root is not Dictionary<string, object?> mapping)
        {
            throw new ConfigurationException($"config file \"{filePath}\": the top level must be a mapping of configuration keys");
        }

        var unknown = new List<string>();
        Walk(mapping, prefix: null, catalog, origin, values, unknown);
        if (unknown.Count == 1)
        {
            throw new ConfigurationException($"unknown configuration key \"{unknown[0]}\" (in {origin})", unknown[0]);
        }

        if (unknown.Count > 1)
        {
            var names = string.Join(", ", unknown.Select(name => $"\"{name}\""));
            throw new ConfigurationException($"unknown configuration keys {names} (in {origin})", unknown[0]);
        }

        return values;
    }

    private static void Walk(
        Dictionary<string, object?> mapping,
        string? prefix,
        ConfigKeyCatalog catalog,
        string origin,
        Dictionary<string, RawValue> values,
        List<string> unknown)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawName, value) in mapping)
        {
            var name = rawName.ToLowerInvariant();
            var dotted = prefix is null ? name : $"{prefix}.{name}";
            if (!seen.Add(name))
            {
                throw new ConfigurationException($"{dotted}: set twice (keys are case-insensitive) in {origin}", dotted);
            }

            if (catalog.TryGetKey(dotted, out _))
            {
                // A YAML null ("key:" with nothing after it) leaves the key unset, so its default applies.
                if (value is not null)
                {
                    values[dotted] = new RawValue(value, ValueSource.File, origin);
                }
            }
            else if (catalog.IsSection(dotted))
            {
                switch (value)
                {
                    case null:
                        break;
                    case Dictionary<string, object?> nested:
                        Walk(nested, dotted, catalog, origin, values, unknown);
                        break;
                    default:
                        throw new ConfigurationException($"{dotted}: expected a section of nested keys, not a value (in {origin})", dotted);
                }
            }
            else
            {
                CollectLeaves(dotted, value, unknown);
            }
        }
    }

    // Name the leaves of an unknown section ("databse.type", not "databse") so the message points at the line to fix.
    private static void CollectLeaves(string dotted, object? value, List<string> unknown)
    {
        if (value is Dictionary<string, object?> { Count: > 0 } nested)
        {
            foreach (var (name, child) in nested)
            {
                CollectLeaves($"{dotted}.{name.ToLowerInvariant()}", child, unknown);
            }
        }
        else
        {
            unknown.Add(dotted);
        }
    }
}
