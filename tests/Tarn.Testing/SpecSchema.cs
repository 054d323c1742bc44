using System.Globalization;
using System.Text.Json;

namespace Tarn.Testing;

/// <summary>
/// A schema of the lakeFS OpenAPI document and the checks a generated client applies to a response:
/// required fields present, JSON types right, enum values allowed, nested objects and arrays too.
/// </summary>
public sealed partial class SpecSchema
{
    private readonly LakeFsSpec _spec;
    private readonly Dictionary<object, object> _node;

    internal SpecSchema(LakeFsSpec spec, Dictionary<object, object> node)
    {
        _spec = spec;
        _node = spec.Resolve(node);
    }

    /// <summary>Every violation of the schema by <paramref name="value"/>, as readable paths; empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement value)
    {
        var problems = new List<string>();
        Check(_node, value, "$", problems);
        return problems;
    }

    private void Check(Dictionary<object, object> node, JsonElement value, string at, List<string> problems)
    {
        node = _spec.Resolve(node);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(node.TryGetValue("nullable", out var nullable) && nullable.ToString() == "true"))
            {
                problems.Add($"{at}: null where the schema allows no null");
            }

            return;
        }

        if (node.TryGetValue("allOf", out var allOf) && allOf is List<object> parts)
        {
            foreach (var part in parts)
            {
                Check(LakeFsSpec.Map(part)!, value, at, problems);
            }
        }

        var type = node.TryGetValue("type", out var t) ? t.ToString() : null;
        switch (type)
        {
            case "object":
                CheckObject(node, value, at, problems);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{at}: expected array, got {value.ValueKind}");
                }
                else if (node.TryGetValue("items", out var items))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(LakeFsSpec.Map(items)!, item, $"{at}[{index++}]", problems);
                    }
                }

                break;
            case "string":
                Expect(value, JsonValueKind.String, at, problems);
                CheckEnum(node, value, at, problems);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    problems.Add($"{at}: expected integer, got {value.GetRawText()}");
                }

                break;
            case "number":
                Expect(value, JsonValueKind.Number, at, problems);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{at}: expected boolean, got {value.ValueKind}");
                }

                break;
            default:
                if (node.ContainsKey("properties") || node.ContainsKey("required"))
                {
                    CheckObject(node, value, at, problems);
                }

                break;
        }
    }

    private void CheckObject(Dictionary<object, object> node, JsonElement value, string at, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: expected object, got {value.ValueKind}");
            return;
        }

        if (node.TryGetValue("required", out var required) && required is List<object> names)
        {
            foreach (var name in names.Select(n => n.ToString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{at}: required field '{name}' is missing");
                }
            }
        }

        var properties = node.TryGetValue("properties", out var p) ? LakeFsSpec.Map(p)! : [];
        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetValue(property.Name, out var propertySchema))
            {
                Check(LakeFsSpec.Map(propertySchema)!, property.Value, $"{at}.{property.Name}", problems);
            }
            else if (node.TryGetValue("additionalProperties", out var additional) && LakeFsSpec.Map(additional) is { } additionalSchema)
            {
                Check(additionalSchema, property.Value, $"{at}.{property.Name}", problems);
            }
        }
    }

    private static void CheckEnum(Dictionary<object, object> node, JsonElement value, string at, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.String && node.TryGetValue("enum", out var e) && e is List<object> allowed
            && !allowed.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Contains(value.GetString()))
        {
            problems.Add($"{at}: '{value.GetString()}' is not one of the allowed values");
        }
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string at, List<string> problems)
    {
        if (value.ValueKind != kind)
        {
            problems.Add($"{at}: expected {kind}, got {value.ValueKind}");
        }
    }
}
