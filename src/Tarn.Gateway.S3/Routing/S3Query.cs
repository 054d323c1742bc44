namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// The query parameters of a gateway request, in the order sent, raw and decoded. Names match exactly
/// (case-sensitive, as S3 does). Decoded values read <c>+</c> as a space, like lakeFS; signature
/// canonicalisation uses the raw pairs instead.
/// </summary>
public sealed class S3Query
{
    private readonly List<QueryParameter> _parameters;

    private S3Query(List<QueryParameter> parameters) => _parameters = parameters;

    /// <summary>Every parameter in request order.</summary>
    public IReadOnlyList<QueryParameter> Parameters => _parameters;

    /// <summary>Parses a raw query (without <c>?</c>); a malformed escape answers 400 <c>InvalidURI</c>.</summary>
    public static S3Query Parse(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var parameters = new List<QueryParameter>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? part : part[..equals];
            var rawValue = equals < 0 ? "" : part[(equals + 1)..];
            parameters.Add(new QueryParameter(
                rawName,
                rawValue,
                S3UriEncoding.DecodeToString(rawName, plusAsSpace: true),
                S3UriEncoding.DecodeToString(rawValue, plusAsSpace: true),
                equals >= 0));
        }

        return new S3Query(parameters);
    }

    /// <summary>Whether the parameter is present, with or without a value.</summary>
    public bool Contains(string name) => _parameters.Exists(p => p.Name == name);

    /// <summary>The first decoded value of the parameter, or null when absent.</summary>
    public string? Get(string name) => _parameters.Find(p => p.Name == name)?.Value;

    /// <summary>Every decoded value of the parameter, in request order.</summary>
    public IEnumerable<string> GetAll(string name) => _parameters.Where(p => p.Name == name).Select(p => p.Value);
}
