using System.Text.Json.Serialization;

namespace Tarn.Catalog.Multipart;

/// <summary>The JSON shape of tracker records in the KV store (source-generated, snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MultipartUpload))]
[JsonSerializable(typeof(MultipartPart))]
internal sealed partial class MultipartJsonContext : JsonSerializerContext;
