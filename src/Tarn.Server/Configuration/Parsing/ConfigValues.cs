using Tarn.Server.Configuration.Schema;
using Tarn.Server.Configuration.Settings;
using Tarn.Server.Configuration.Sources;

namespace Tarn.Server.Configuration.Parsing;

/// <summary>
/// The merged, type-checked values: layers are applied lowest first (defaults, profile, file, environment) and
/// every value, including those of ignored keys, is parsed by its key's type, so a wrong type fails at start-up.
/// Typed getters refuse a key name that is not in the table or whose type differs, which catches binder typos.
/// </summary>
internal sealed class ConfigValues
{
    private readonly ConfigKeyCatalog _catalog;
    private readonly Dictionary<string, (object Value, RawValue Raw)> _values = new(StringComparer.Ordinal);

    public ConfigValues(ConfigKeyCatalog catalog, ValueParser parser, params IReadOnlyList<Dictionary<string, RawValue>> layers)
    {
        _catalog = catalog;
        var merged = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (name, raw) in layer)
            {
                merged[name] = raw;
            }
        }

        // Parse in table order so the first error reported is stable.
        foreach (var key in catalog.Keys)
        {
            if (merged.TryGetValue(key.Name, out var raw))
            {
                _values[key.Name] = (parser.Parse(key, raw), raw);
            }
        }
    }

    /// <summary>Keys that have a value (default or configured), with the value and where it came from, in table order.</summary>
    public IEnumerable<(ConfigKey Key, object Value, RawValue Raw)> Entries =>
        _catalog.Keys.Where(key => _values.ContainsKey(key.Name)).Select(key => (key, _values[key.Name].Value, _values[key.Name].Raw));

    /// <summary>True when the key has a value that is not an empty string.</summary>
    public bool HasValue(string name) => Find(name, null) is { } value && value is not "";

    public RawValue? SourceOf(string name) => _values.TryGetValue(Key(name).Name, out var entry) ? entry.Raw : null;

    /// <summary>A text value, null when unset or empty (lakeFS treats "" as not configured).</summary>
    public string? String(string name) =>
        Find(name, ConfigValueType.Text, ConfigValueType.FilePath, ConfigValueType.HostPort, ConfigValueType.Choice) is string { Length: > 0 } text
            ? text
            : null;

    public string RequiredString(string name) =>
        String(name) ?? throw new InvalidOperationException($"configuration key \"{name}\" has no value and no default");

    public SecretValue? Secret(string name) => String(name) is { } text ? new SecretValue(text) : null;

    public bool Bool(string name) => Find(name, ConfigValueType.Bool) is true;

    public long Int64(string name) => Find(name, ConfigValueType.Int) is long number ? number : 0;

    public int Int32(string name)
    {
        var number = Int64(name);
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new ConfigurationException($"{name}: {number} is too large (from {SourceOf(name)?.Origin})", name);
    }

    public TimeSpan Duration(string name) => OptionalDuration(name) ?? TimeSpan.Zero;

    public TimeSpan? OptionalDuration(string name) => Find(name, ConfigValueType.Duration) as TimeSpan?;

    public IReadOnlyList<string> List(string name) => Find(name, ConfigValueType.StringList) as IReadOnlyList<string> ?? [];

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Objects(string name) =>
        Find(name, ConfigValueType.ObjectList) as IReadOnlyList<IReadOnlyDictionary<string, string>> ?? [];

    private object? Find(string name, params ConfigValueType[]? expectedTypes)
    {
        var key = Key(name);
        if (expectedTypes is { Length: > 0 } && !expectedTypes.Contains(key.Type))
        {
            throw new InvalidOperationException($"configuration key \"{name}\" is a {key.Type}, not a {string.Join(" or ", expectedTypes)}");
        }

        return _values.TryGetValue(name, out var entry) ? entry.Value : null;
    }

    private ConfigKey Key(string name) =>
        _catalog.TryGetKey(name, out var key) ? key : throw new InvalidOperationException($"no configuration key \"{name}\" in the key table");
}
