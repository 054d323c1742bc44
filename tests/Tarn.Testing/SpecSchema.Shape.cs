using System.Globalization;

namespace Tarn.Testing;

/// <summary>
/// The shape of a schema, for code that builds values from it (request generators) rather than checking
/// values against it: type, properties, required names, items, enum values and bounds.
/// </summary>
public sealed partial class SpecSchema
{
    /// <summary>The JSON type (<c>object</c>, <c>array</c>, <c>string</c>, ...), or null when the schema names none.</summary>
    public string? Type => _node.TryGetValue("type", out var t) ? t.ToString() : null;

    public string? Format => _node.TryGetValue("format", out var f) ? f.ToString() : null;

    public IReadOnlyList<string> EnumValues =>
        _node.TryGetValue("enum", out var e) && e is List<object> values
            ? values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToList()
            : [];

    public IReadOnlyList<string> RequiredProperties =>
        _node.TryGetValue("required", out var r) && r is List<object> names ? names.Select(n => n.ToString()!).ToList() : [];

    /// <summary>The declared properties in document order (those of <c>allOf</c> parts included).</summary>
    public IReadOnlyList<KeyValuePair<string, SpecSchema>> Properties
    {
        get
        {
            var result = new List<KeyValuePair<string, SpecSchema>>();
            if (_node.TryGetValue("properties", out var p) && LakeFsSpec.Map(p) is { } properties)
            {
                result.AddRange(properties.Select(kv => KeyValuePair.Create(kv.Key.ToString()!, new SpecSchema(_spec, LakeFsSpec.Map(kv.Value)!))));
            }

            foreach (var part in AllOf)
            {
                result.AddRange(part.Properties);
            }

            return result;
        }
    }

    public SpecSchema? Items => _node.TryGetValue("items", out var i) && LakeFsSpec.Map(i) is { } items ? new SpecSchema(_spec, items) : null;

    /// <summary>The schema of a map's values, or null when the object allows no (or any untyped) extra keys.</summary>
    public SpecSchema? AdditionalProperties =>
        _node.TryGetValue("additionalProperties", out var a) && LakeFsSpec.Map(a) is { } additional ? new SpecSchema(_spec, additional) : null;

    public IReadOnlyList<SpecSchema> AllOf =>
        _node.TryGetValue("allOf", out var a) && a is List<object> parts ? parts.Select(p => new SpecSchema(_spec, LakeFsSpec.Map(p)!)).ToList() : [];

    public long? Minimum => Bound("minimum");

    public long? Maximum => Bound("maximum");

    private long? Bound(string name) =>
        _node.TryGetValue(name, out var b) && long.TryParse(b.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
