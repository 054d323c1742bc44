using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarn.Server.Configuration.Sources;

/// <summary>
/// Turns YAML text into plain values: string scalars, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;string, object?&gt;</c>, with YAML nulls as null. Typing is left to the key table,
/// so <c>port: 8000</c> and <c>port: "8000"</c> read the same, as in lakeFS (viper decodes weakly).
/// </summary>
internal static class YamlTree
{
    /// <summary>Parses one YAML document; null for an empty document. Throws <see cref="ConfigurationException"/> naming <paramref name="what"/>.</summary>
    public static object? Parse(string text, string what)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(
                $"{what}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", key: null, e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a repeated mapping key as an ArgumentException from its dictionary.
            throw new ConfigurationException($"{what}: invalid YAML: {e.Message}", key: null, e);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw new ConfigurationException($"{what}: expected one YAML document, found {stream.Documents.Count}"),
        };
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => IsNull(scalar) ? null : scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => throw new ConfigurationException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new ConfigurationException($"line {keyNode.Start.Line}: mapping keys must be plain strings");
            }

            if (!result.TryAdd(key, Convert(valueNode)))
            {
                throw new ConfigurationException($"line {keyNode.Start.Line}: duplicate key \"{key}\"");
            }
        }

        return result;
    }

    // Plain (unquoted) null spellings of YAML 1.2's core schema, or an explicit !!null tag.
    private static bool IsNull(YamlScalarNode scalar) =>
        (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:null")
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
