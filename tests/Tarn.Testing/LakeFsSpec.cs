using YamlDotNet.Serialization;

namespace Tarn.Testing;

/// <summary>One operation of the lakeFS OpenAPI document.</summary>
public sealed record SpecOperation(string OperationId, string Method, string Path, string Tag, bool IsPublic);

/// <summary>
/// The lakeFS v1.12.1 OpenAPI document, read as plain YAML: its operations, and a validator for
/// response bodies against the response schemas (required fields, JSON types, enums, nested refs).
/// </summary>
public sealed partial class LakeFsSpec
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "head", "patch", "options"];
    private readonly Dictionary<object, object> _root;

    private LakeFsSpec(Dictionary<object, object> root)
    {
        _root = root;
        Operations = ReadOperations(root);
    }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static LakeFsSpec Load(string path)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));
        return new LakeFsSpec(yaml);
    }

    /// <summary>The schema of a named response of an operation, or null when it documents no JSON body.</summary>
    public SpecSchema? ResponseSchema(string operationId, int status)
    {
        var operation = FindOperation(operationId);
        if (Map(operation["responses"]) is not { } responses)
        {
            return null;
        }

        var response = responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var r) ? r
            : responses.TryGetValue("default", out var d) ? d : null;
        if (response is null)
        {
            return null;
        }

        var resolved = Resolve(Map(response)!);
        if (!resolved.TryGetValue("content", out var content) || Map(content) is not { } byType)
        {
            return null;
        }

        var media = byType.TryGetValue("application/json", out var json) ? json : byType.Values.First();
        return Map(media) is { } m && m.TryGetValue("schema", out var schema) ? new SpecSchema(this, Map(schema)!) : null;
    }

    /// <summary>The statuses an operation documents (numeric ones only).</summary>
    public IReadOnlyList<int> DocumentedStatuses(string operationId) =>
        Map(FindOperation(operationId)["responses"])!.Keys
            .Select(k => int.TryParse(k.ToString(), out var s) ? s : 0)
            .Where(s => s > 0)
            .ToList();

    internal Dictionary<object, object> Resolve(Dictionary<object, object> node)
    {
        while (node.TryGetValue("$ref", out var reference))
        {
            var target = (object)_root;
            foreach (var part in reference.ToString()!.TrimStart('#', '/').Split('/'))
            {
                target = Map(target)![part];
            }

            node = Map(target)!;
        }

        return node;
    }

    internal static Dictionary<object, object>? Map(object? node) => node as Dictionary<object, object>;

    private Dictionary<object, object> FindOperation(string operationId)
    {
        foreach (var (_, pathItem) in Map(_root["paths"])!)
        {
            foreach (var (method, operation) in Map(pathItem)!)
            {
                if (HttpMethods.Contains(method.ToString()) && Map(operation)!["operationId"].ToString() == operationId)
                {
                    return Map(operation)!;
                }
            }
        }

        throw new ArgumentException("No operation " + operationId, nameof(operationId));
    }

    private static List<SpecOperation> ReadOperations(Dictionary<object, object> root)
    {
        var result = new List<SpecOperation>();
        foreach (var (path, pathItem) in Map(root["paths"])!)
        {
            foreach (var (method, operationNode) in Map(pathItem)!)
            {
                if (!HttpMethods.Contains(method.ToString()))
                {
                    continue;
                }

                var operation = Map(operationNode)!;
                var tags = operation.TryGetValue("tags", out var t) && t is List<object> list ? list : [];
                // An operation with an explicit empty security list needs no credentials.
                var isPublic = operation.TryGetValue("security", out var security) && security is List<object> { Count: 0 };
                result.Add(new SpecOperation(
                    operation["operationId"].ToString()!,
                    method.ToString()!.ToUpperInvariant(),
                    path.ToString()!,
                    tags.Count > 0 ? tags[0].ToString()! : "",
                    isPublic));
            }
        }

        return result;
    }
}
