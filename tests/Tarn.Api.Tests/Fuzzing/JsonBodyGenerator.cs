using System.Text.Json.Nodes;
using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Builds a valid-looking JSON body from an operation's request schema: required fields always, optional
/// ones half the time, and for fields whose meaning the name gives away (a ref, a storage namespace, a
/// policy statement) a value the handler will accept, so that mutations reach past the first validation.
/// </summary>
public sealed class JsonBodyGenerator(FuzzWorld world, FuzzRandom random)
{
    private const int MaxDepth = 6;

    /// <summary>The body, and each required field placed in it (what "missing required field" may remove).</summary>
    public GeneratedJson Generate(string operationId, SpecSchema schema)
    {
        var required = new List<(JsonObject Owner, string Name)>();
        var root = Value(operationId, schema, field: null, depth: 0, required);
        return new GeneratedJson(root, required);
    }

    private JsonNode? Value(string operationId, SpecSchema schema, string? field, int depth, List<(JsonObject, string)> required)
    {
        if (field is not null && KnownValue(operationId, field) is { } known)
        {
            return known;
        }

        var type = schema.Type ?? (schema.Properties.Count > 0 ? "object" : null);
        switch (type)
        {
            case "object":
                var value = new JsonObject();
                foreach (var (name, property) in schema.Properties)
                {
                    var isRequired = schema.RequiredProperties.Contains(name);
                    if (isRequired || (depth < MaxDepth && random.Chance(0.5)))
                    {
                        value[name] = Value(operationId, property, name, depth + 1, required);
                        if (isRequired)
                        {
                            required.Add((value, name));
                        }
                    }
                }

                if (schema.AdditionalProperties is { } additional && depth < MaxDepth)
                {
                    for (var i = random.Next(3); i > 0; i--)
                    {
                        value["k" + random.Letters(3)] = Value(operationId, additional, null, depth + 1, required);
                    }
                }

                return value;
            case "array":
                var items = new JsonArray();
                var count = depth < MaxDepth ? random.Between(1, 4) : 0;
                for (var i = 0; i < count && schema.Items is not null; i++)
                {
                    items.Add(field == "paths" && schema.Items.Type == "string"
                        ? random.Pick(FuzzWorld.ObjectPaths)
                        : Value(operationId, schema.Items, null, depth + 1, required));
                }

                return items;
            case "integer":
                var low = (int)Math.Clamp(schema.Minimum ?? 0, 0, 100);
                var high = (int)Math.Clamp(schema.Maximum ?? 100, low, 100);
                return schema.Format == "int64" && random.Chance(0.3) ? (JsonNode)1_700_000_000L : random.Between(low, high + 1);
            case "number":
                return random.Between(0, 1000) / 10.0;
            case "boolean":
                return random.Chance(0.5);
            default:
                return schema.EnumValues.Count > 0 ? random.Pick(schema.EnumValues) : random.Letters(random.Between(1, 10));
        }
    }

    // Field names whose values the handlers check beyond their JSON type.
    private JsonNode? KnownValue(string operationId, string field) => field switch
    {
        "name" when operationId == "createRepository" => random.FreshName(),
        "name" when operationId == "createBranch" => random.Chance(0.85) ? random.FreshName() : FuzzWorld.Branch,
        "id" when operationId == "createUser" => random.Chance(0.1) ? random.FreshName() + "@example.com" : random.FreshName(),
        "id" when operationId is "createGroup" or "createPolicy" or "createTag" => random.FreshName(),
        "id" when operationId == "updatePolicy" => FuzzWorld.Policy,
        "invite_user" => random.Chance(0.15),
        "storage_namespace" => "local://fuzz/" + random.Letters(8),
        "default_branch" => random.Chance(0.9) ? "main" : random.FreshName(),
        "sample_data" => random.Chance(0.05),
        "read_only" => random.Chance(0.05),
        "force" => random.Chance(0.2),
        "source" or "ref" or "src_ref" => world.Ref(random),
        "message" => "fuzz " + random.Letters(6),
        "path" or "src_path" => random.Pick(FuzzWorld.ObjectPaths),
        "destination" => "fuzz/imported/",
        "checksum" or "etag" => random.Hex(32),
        "physical_address" => random.Chance(0.8) ? world.StorageNamespace + "/data/" + random.Letters(10) : "local://fuzz/" + random.Letters(10),
        "size_bytes" => random.Between(0, 100),
        "pattern" => random.Pick<string>(["fz*", "fzp-*", "fuzz-protected-?", "release/*"]),
        "branch_id" => random.Chance(0.5) ? "main" : FuzzWorld.Branch,
        "retention_days" or "default_retention_days" => random.Between(1, 30),
        "action" => new JsonArray(random.Pick<string>(["fs:ReadRepository", "fs:*", "auth:ReadUser", "fs:List*"])),
        "resource" => random.Pick<string>(["arn:lakefs:fs:::repository/" + FuzzWorld.Repository, "*", "arn:lakefs:fs:::repository/fz*"]),
        "permission" => random.Pick<string>(["Read", "Write", "Super", "Admin"]),
        "parent_number" => random.Between(0, 3),
        "commit_id" => world.CommitId,
        "metarange_id" or "commits_meta_range_id" or "tags_meta_range_id" or "branches_meta_range_id" => world.MetaRangeId,
        "parents" => new JsonArray(world.CommitId),
        "version" or "generation" => 1,
        "committer" => "fuzz",
        "creation_date" or "date" or "mtime" => 1_700_000_000L,
        "access_key_id" => world.WrongSecretKeyId(random),
        "secret_access_key" => random.Letters(40),
        "username" => random.FreshName(),
        "email" => "fuzz@example.com",
        "strategy" => random.Pick<string>(["dest-wins", "source-wins", "bogus"]),
        "content_type" => "text/plain",
        "part_number" => random.Between(1, 4),
        _ => null,
    };
}

/// <summary>A generated body and the required fields in it.</summary>
public sealed record GeneratedJson(JsonNode? Root, IReadOnlyList<(JsonObject Owner, string Name)> RequiredFields);
