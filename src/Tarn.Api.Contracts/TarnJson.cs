using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>
/// The serializer settings of the wire format, applied to any <see cref="JsonSerializerOptions"/> that
/// must speak it (the server's HTTP options, the SDK's client). The generated context carries the
/// property names; these options carry the rules a context cannot bake in.
/// </summary>
public static class TarnJson
{
    /// <summary>Ready-made options for callers that serialize by hand.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>
    /// The generated metadata bound to the wire settings: use <c>TarnJson.Context.Error</c> and friends,
    /// not <c>TarnJsonContext.Default</c>, whose options lack the settings a context cannot bake in.
    /// </summary>
    public static TarnJsonContext Context { get; } = new(Apply(new JsonSerializerOptions()));

    /// <summary>Applies the wire settings to <paramref name="options"/> and returns it.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, TarnJsonContext.Default);
        return Apply(options);
    }

    private static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        // Bodies are application/json with nosniff, never embedded in HTML, so '+', '\'' and non-ASCII
        // text can be written as themselves, as lakeFS writes them.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new NonNullCollectionsConverter());
        return options;
    }
}
