namespace Tarn.Api.Tests.Fuzzing;

/// <summary>One query pair in raw form: <c>Value</c> null means a key without <c>=</c>.</summary>
public sealed record QueryPair(string Key, string? Value);

/// <summary>A request while the generator builds and damages it.</summary>
public sealed class RequestDraft(OperationShape shape)
{
    public OperationShape Shape { get; } = shape;

    /// <summary>Raw (already encoded) value of each path parameter.</summary>
    public Dictionary<string, string> PathValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Path parameters a mutation already replaced: the next path mutation takes another one.</summary>
    public HashSet<string> MutatedPathParameters { get; } = new(StringComparer.Ordinal);

    public List<QueryPair> Query { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[]? Body { get; set; }

    public List<MutationKind> Mutations { get; } = [];

    public string Credentials { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>Send the target in absolute form (<c>http://host/path</c>), which servers must accept too (RFC 9112 §3.2.2).</summary>
    public bool AbsoluteForm { get; set; }

    public FuzzRequest ToRequest(int index)
    {
        var target = Shape.RawPath(PathValues);
        if (Query.Count > 0)
        {
            target += "?" + string.Join('&', Query.Select(p => p.Value is null ? p.Key : p.Key + "=" + p.Value));
        }

        return new FuzzRequest
        {
            Index = index,
            OperationId = Shape.OperationId,
            Method = Shape.Operation.Method,
            Target = target,
            Headers = Headers.ToList(),
            Body = Body,
            Mutations = Mutations.ToList(),
            Credentials = Credentials,
            Note = Note,
        };
    }
}
