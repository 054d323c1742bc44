using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>What the document says a request to one operation looks like: path template, parameters, body.</summary>
public sealed class OperationShape
{
    public const string BasePath = "/api/v1";

    private OperationShape(SpecOperation operation, IReadOnlyList<SpecParameter> parameters, SpecRequestBody? body)
    {
        Operation = operation;
        Segments = operation.Path.Trim('/').Split('/');
        PathParameters = Segments.Where(IsParameter).Select(s => s[1..^1]).ToList();
        QueryParameters = parameters.Where(p => p.In == "query").ToList();
        HeaderParameters = parameters.Where(p => p.In == "header").ToList();
        Body = body;
    }

    public SpecOperation Operation { get; }

    public string OperationId => Operation.OperationId;

    /// <summary>The template's segments: literals, and <c>{name}</c> for parameters.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Path parameter names in the order they appear in the path.</summary>
    public IReadOnlyList<string> PathParameters { get; }

    public IReadOnlyList<SpecParameter> QueryParameters { get; }

    public IReadOnlyList<SpecParameter> HeaderParameters { get; }

    public SpecRequestBody? Body { get; }

    public SpecSchema? JsonBodySchema => Body?.Content.GetValueOrDefault("application/json");

    public bool TakesUpload => Body?.Content.ContainsKey("application/octet-stream") == true;

    public static OperationShape Read(LakeFsSpec spec, SpecOperation operation) =>
        new(operation, spec.Parameters(operation.OperationId), spec.RequestBody(operation.OperationId));

    /// <summary>The raw path: base path, literals as they are, each parameter replaced by its raw (already encoded) value.</summary>
    public string RawPath(IReadOnlyDictionary<string, string> rawValues) =>
        BasePath + "/" + string.Join('/', Segments.Select(s => IsParameter(s) ? rawValues[s[1..^1]] : s));

    /// <summary>Whether a raw path (query excluded) has this operation's shape: same literals, any segment for a parameter.</summary>
    public bool Names(string rawPath)
    {
        if (!rawPath.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = rawPath[(BasePath.Length + 1)..].Split('/');
        if (parts.Length != Segments.Count)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!IsParameter(Segments[i]) && !string.Equals(parts[i], Segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
