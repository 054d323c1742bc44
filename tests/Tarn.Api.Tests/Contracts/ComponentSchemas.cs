using Tarn.Testing;
using YamlDotNet.Serialization;

namespace Tarn.Api.Tests.Contracts;

/// <summary>
/// The spec's <c>components/schemas</c>, each validated by <see cref="SpecSchema"/>. <see cref="LakeFsSpec"/> hands
/// out schemas by operation response only, and request bodies have none; so this writes a copy of the spec
/// with one synthetic GET per schema (operationId <c>schema:Name</c>) answering that schema, and asks it.
/// </summary>
/// <remarks>A <c>LakeFsSpec.Schema(name)</c> accessor in the shared kit would make this class unnecessary.</remarks>
internal static class ComponentSchemas
{
    private static readonly Lazy<(LakeFsSpec Spec, Dictionary<object, object> Schemas)> Loaded = new(Load);

    public static SpecSchema Get(string schemaName)
    {
        Assert.True(Loaded.Value.Schemas.ContainsKey(schemaName), $"the spec has no schema {schemaName}");
        return Loaded.Value.Spec.ResponseSchema("schema:" + schemaName, 200)!;
    }

    /// <summary>The raw YAML node of a schema, for checks SpecSchema does not expose (property lists, examples).</summary>
    public static Dictionary<object, object> Raw(string schemaName) => (Dictionary<object, object>)Loaded.Value.Schemas[schemaName];

    private static (LakeFsSpec, Dictionary<object, object>) Load()
    {
        var source = TestEnvironment.RequireLakeFsSpec();
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(source));
        var schemas = (Dictionary<object, object>)((Dictionary<object, object>)root["components"])["schemas"];
        var paths = new Dictionary<object, object>();
        foreach (var name in schemas.Keys.Select(k => k.ToString()!))
        {
            paths["/_schemas/" + name] = new Dictionary<object, object>
            {
                ["get"] = new Dictionary<object, object>
                {
                    ["operationId"] = "schema:" + name,
                    ["responses"] = new Dictionary<object, object>
                    {
                        ["200"] = new Dictionary<object, object>
                        {
                            ["content"] = new Dictionary<object, object>
                            {
                                ["application/json"] = new Dictionary<object, object>
                                {
                                    ["schema"] = new Dictionary<object, object> { ["$ref"] = "#/components/schemas/" + name },
                                },
                            },
                        },
                    },
                },
            };
        }

        root["paths"] = paths;
        var copy = Path.Combine(Path.GetTempPath(), $"tarn-schemas-{Guid.NewGuid():N}.yml");
        File.WriteAllText(copy, new SerializerBuilder().Build().Serialize(root));
        try
        {
            return (LakeFsSpec.Load(copy), schemas);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
