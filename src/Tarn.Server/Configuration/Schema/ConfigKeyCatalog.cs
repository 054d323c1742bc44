namespace Tarn.Server.Configuration.Schema;

/// <summary>
/// Look-ups over the key table: by dotted name, by <c>LAKEFS_*</c> variable name, and which dotted names are
/// sections (proper prefixes such as <c>blockstore.s3</c>) rather than keys.
/// </summary>
internal sealed class ConfigKeyCatalog
{
    private readonly Dictionary<string, ConfigKey> _byName;
    private readonly Dictionary<string, ConfigKey> _byEnvironmentVariable;
    private readonly HashSet<string> _sections;

    public ConfigKeyCatalog(IReadOnlyList<ConfigKey> keys)
    {
        Keys = keys;
        _byName = new Dictionary<string, ConfigKey>(StringComparer.Ordinal);
        _byEnvironmentVariable = new Dictionary<string, ConfigKey>(StringComparer.Ordinal);
        _sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_byName.TryAdd(key.Name, key))
            {
                throw new ArgumentException($"configuration key \"{key.Name}\" is declared twice", nameof(keys));
            }

            // Underscores make variable names ambiguous; two keys sharing one variable would be a table bug.
            if (!_byEnvironmentVariable.TryAdd(key.EnvironmentVariable, key))
            {
                throw new ArgumentException(
                    $"configuration keys \"{key.Name}\" and \"{_byEnvironmentVariable[key.EnvironmentVariable].Name}\" share {key.EnvironmentVariable}",
                    nameof(keys));
            }

            for (var dot = key.Name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = key.Name.IndexOf('.', dot + 1))
            {
                _sections.Add(key.Name[..dot]);
            }
        }

        var clash = _sections.FirstOrDefault(_byName.ContainsKey);
        if (clash is not null)
        {
            throw new ArgumentException($"\"{clash}\" is declared both as a key and as a section", nameof(keys));
        }
    }

    /// <summary>The catalog of the lakeFS v1.12.1 key table.</summary>
    public static ConfigKeyCatalog Default { get; } = new(ConfigKeySchema.Keys);

    public IReadOnlyList<ConfigKey> Keys { get; }

    public bool TryGetKey(string name, out ConfigKey key) => _byName.TryGetValue(name, out key!);

    public ConfigKey this[string name] =>
        _byName.TryGetValue(name, out var key) ? key : throw new ArgumentException($"no configuration key \"{name}\"", nameof(name));

    public bool TryGetByEnvironmentVariable(string variable, out ConfigKey key) =>
        _byEnvironmentVariable.TryGetValue(variable, out key!);

    /// <summary>True for a proper prefix of some key, e.g. <c>database</c> or <c>auth.ui_config</c>.</summary>
    public bool IsSection(string name) => _sections.Contains(name);
}
