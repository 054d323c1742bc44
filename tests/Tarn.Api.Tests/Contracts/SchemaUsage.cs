using Tarn.Testing;
using YamlDotNet.Serialization;

namespace Tarn.Api.Tests.Contracts;

/// <summary>Which component schemas a set of spec operations use, directly or through other components.</summary>
internal static class SchemaUsage
{
    private const string SchemaPrefix = "#/components/schemas/";

    public static IReadOnlySet<string> ReferencedBy(IReadOnlyCollection<string> operationIds)
    {
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(TestEnvironment.RequireLakeFsSpec()));
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pathItem in ((Dictionary<object, object>)root["paths"]).Values.Cast<Dictionary<object, object>>())
        {
            foreach (var operation in pathItem.Values.OfType<Dictionary<object, object>>())
            {
                if (operation.TryGetValue("operationId", out var id) && operationIds.Contains(id.ToString()!))
                {
                    Collect(root, operation, references);
                }
            }
        }

        return references.Where(r => r.StartsWith(SchemaPrefix, StringComparison.Ordinal)).Select(r => r[SchemaPrefix.Length..]).ToHashSet();
    }

    private static void Collect(Dictionary<object, object> root, object node, HashSet<string> references)
    {
        switch (node)
        {
            case Dictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    if (key.ToString() == "$ref" && references.Add(value.ToString()!))
                    {
                        Collect(root, Resolve(root, value.ToString()!), references);
                    }
                    else
                    {
                        Collect(root, value, references);
                    }
                }

                break;
            case List<object> list:
                foreach (var item in list)
                {
                    Collect(root, item, references);
                }

                break;
        }
    }

    private static object Resolve(Dictionary<object, object> root, string reference)
    {
        object target = root;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            target = ((Dictionary<object, object>)target)[part];
        }

        return target;
    }
}
