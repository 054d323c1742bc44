using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tarn.Api.Contracts;

/// <summary>
/// Lists and string maps of the wire format never hold <c>null</c>: a list item or a map value that is JSON
/// <c>null</c> is a malformed body (400), not a null reference the server trips over later. The serializer's
/// nullable annotations cover properties only, not the items of collections, hence these converters; they
/// write exactly what the default ones would.
/// </summary>
public sealed class NonNullCollectionsConverter : JsonConverterFactory
{
    /// <summary>The text of the refusal; the reader adds where it happened.</summary>
    public const string NullItemMessage = "null is not allowed as a list item or map value";

    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert == typeof(IReadOnlyDictionary<string, string>)
            || (typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                && !typeToConvert.GetGenericArguments()[0].IsValueType);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(IReadOnlyDictionary<string, string>)
            ? new StringMapConverter()
            : (JsonConverter)Activator.CreateInstance(typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>>
        where T : class
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("The JSON value could not be converted to a list.");
            }

            var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    throw new JsonException(NullItemMessage);
                }

                items.Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
            }

            return items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, itemInfo);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class StringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
    {
        public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("The JSON value could not be converted to a map.");
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                map[name] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.Null => throw new JsonException(NullItemMessage),
                    _ => throw new JsonException("The JSON value could not be converted to a string."),
                };
            }

            return map;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (name, text) in value)
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
        }
    }
}
