namespace Tarn.Testing;

/// <summary>One parameter of an operation: where it goes (<c>path</c>, <c>query</c>, <c>header</c>), and its schema.</summary>
public sealed record SpecParameter(string Name, string In, bool Required, SpecSchema Schema);

/// <summary>An operation's request body: whether it is required, and the schema of each media type it accepts.</summary>
public sealed record SpecRequestBody(bool Required, IReadOnlyDictionary<string, SpecSchema?> Content);

/// <summary>The request side of the document: what a client sends to each operation.</summary>
public sealed partial class LakeFsSpec
{
    /// <summary>
    /// The parameters of an operation in document order: those declared on the path first, then the
    /// operation's own (which replace a path-level parameter of the same name and place, as OpenAPI says).
    /// </summary>
    public IReadOnlyList<SpecParameter> Parameters(string operationId)
    {
        var (pathItem, operation) = FindPathItemAndOperation(operationId);
        var result = new List<SpecParameter>();
        foreach (var node in ParameterNodes(pathItem).Concat(ParameterNodes(operation)))
        {
            var name = node["name"].ToString()!;
            var place = node["in"].ToString()!;
            result.RemoveAll(p => p.Name == name && p.In == place);
            var required = node.TryGetValue("required", out var r) && r.ToString() == "true";
            var schema = node.TryGetValue("schema", out var s) && Map(s) is { } schemaNode ? schemaNode : new Dictionary<object, object>();
            result.Add(new SpecParameter(name, place, required, new SpecSchema(this, schema)));
        }

        return result;
    }

    /// <summary>The operation's request body, or null when it takes none.</summary>
    public SpecRequestBody? RequestBody(string operationId)
    {
        var (_, operation) = FindPathItemAndOperation(operationId);
        if (!operation.TryGetValue("requestBody", out var bodyNode) || Map(bodyNode) is not { } body)
        {
            return null;
        }

        body = Resolve(body);
        var content = new Dictionary<string, SpecSchema?>(StringComparer.Ordinal);
        if (body.TryGetValue("content", out var c) && Map(c) is { } byType)
        {
            foreach (var (mediaType, media) in byType)
            {
                content[mediaType.ToString()!] = Map(media) is { } m && m.TryGetValue("schema", out var schema) && Map(schema) is { } schemaNode
                    ? new SpecSchema(this, schemaNode)
                    : null;
            }
        }

        return new SpecRequestBody(body.TryGetValue("required", out var required) && required.ToString() == "true", content);
    }

    private IEnumerable<Dictionary<object, object>> ParameterNodes(Dictionary<object, object> owner) =>
        owner.TryGetValue("parameters", out var list) && list is List<object> items
            ? items.Select(item => Resolve(Map(item)!))
            : [];

    private (Dictionary<object, object> PathItem, Dictionary<object, object> Operation) FindPathItemAndOperation(string operationId)
    {
        foreach (var (_, pathItemNode) in Map(_root["paths"])!)
        {
            var pathItem = Map(pathItemNode)!;
            foreach (var (method, operation) in pathItem)
            {
                if (HttpMethods.Contains(method.ToString()) && Map(operation)!["operationId"].ToString() == operationId)
                {
                    return (pathItem, Map(operation)!);
                }
            }
        }

        throw new ArgumentException("No operation " + operationId, nameof(operationId));
    }
}
