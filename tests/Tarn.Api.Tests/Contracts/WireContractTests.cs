using System.Text.Json;
using System.Text.Json.Nodes;
using Tarn.Api.Contracts;

namespace Tarn.Api.Tests.Contracts;

/// <summary>
/// Every wire type of the issue-4 operations against its schema in the lakeFS v1.12.1 spec: what it writes
/// validates, what it reads rejects a missing required field or a wrong JSON type, and its field names are
/// exactly the schema's.
/// </summary>
public sealed class WireContractTests
{
    public static TheoryData<string> Schemas => WireSamples.Names();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Full_and_minimal_instances_match_the_schema(string schema)
    {
        var sample = WireSamples.Named(schema);
        foreach (var value in new[] { sample.Full, sample.Minimal })
        {
            var json = JsonSerializer.Serialize(value, sample.Type, TarnJson.Options);
            using var document = JsonDocument.Parse(json);
            var problems = ComponentSchemas.Get(schema).Validate(document.RootElement);
            Assert.True(problems.Count == 0, $"{schema}: {string.Join("; ", problems)}\n{json}");
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Instances_survive_a_round_trip(string schema)
    {
        var sample = WireSamples.Named(schema);
        foreach (var value in new[] { sample.Full, sample.Minimal })
        {
            var json = JsonSerializer.Serialize(value, sample.Type, TarnJson.Options);
            var back = JsonSerializer.Deserialize(json, sample.Type, TarnJson.Options);
            Assert.Equal(json, JsonSerializer.Serialize(back, sample.Type, TarnJson.Options));
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Field_names_are_exactly_the_schema_properties(string schema)
    {
        var sample = WireSamples.Named(schema);
        var raw = ComponentSchemas.Raw(schema);
        if (!raw.TryGetValue("properties", out var properties))
        {
            return; // a plain string map such as RepositoryMetadata
        }

        var expected = ((Dictionary<object, object>)properties).Keys.Select(k => k.ToString()!).Order(StringComparer.Ordinal);
        var actual = TarnJson.Options.GetTypeInfo(sample.Type).Properties.Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Reading_refuses_a_body_without_a_required_field(string schema)
    {
        var sample = WireSamples.Named(schema);
        foreach (var field in RequiredFields(schema))
        {
            var body = ToObject(sample.Full);
            Assert.True(body.Remove(field), $"{schema} does not write required field {field}");
            var json = body.ToJsonString();

            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, sample.Type, TarnJson.Options));
            using var document = JsonDocument.Parse(json);
            Assert.Contains(ComponentSchemas.Get(schema).Validate(document.RootElement), p => p.Contains(field, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Reading_refuses_a_required_field_of_the_wrong_type(string schema)
    {
        var sample = WireSamples.Named(schema);
        foreach (var field in RequiredFields(schema))
        {
            var body = ToObject(sample.Full);
            body[field] = WrongTypeFor(body[field]);
            var json = body.ToJsonString();

            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, sample.Type, TarnJson.Options));
            using var document = JsonDocument.Parse(json);
            Assert.NotEmpty(ComponentSchemas.Get(schema).Validate(document.RootElement));
        }
    }

    [Fact]
    public void Every_schema_the_issue_4_operations_use_has_a_wire_type()
    {
        var covered = WireSamples.All.Select(s => s.Schema).Append("Error").Append("Pagination").Append("ObjectUserMetadata").ToHashSet();
        var missing = SchemaUsage.ReferencedBy(Issue4Operations).Where(s => !covered.Contains(s)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Unknown_enum_values_are_refused_as_the_spec_validator_does()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"type":"everything"}""", TarnJson.Context.ResetCreation));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"type":1}""", TarnJson.Context.ResetCreation));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"type":"1"}""", TarnJson.Context.ResetCreation));
        var reset = JsonSerializer.Deserialize("""{"type":"common_prefix","path":"a/"}""", TarnJson.Context.ResetCreation)!;
        Assert.Equal(ResetType.CommonPrefix, reset.Type);
    }

    [Fact]
    public void The_spec_examples_of_RepositoryCreation_deserialize()
    {
        // The spec gives examples per property (and writes the booleans' as the strings "true").
        var body = new JsonObject { ["name"] = "example-repo" };
        foreach (var (name, node) in (Dictionary<object, object>)ComponentSchemas.Raw("RepositoryCreation")["properties"])
        {
            var property = (Dictionary<object, object>)node;
            if (property.TryGetValue("example", out var example))
            {
                body[name.ToString()!] = property["type"].ToString() == "boolean"
                    ? JsonValue.Create(bool.Parse(example.ToString()!))
                    : JsonValue.Create(example.ToString());
            }
        }

        var creation = JsonSerializer.Deserialize(body.ToJsonString(), TarnJson.Context.RepositoryCreation)!;
        Assert.Equal("s3://example-bucket/", creation.StorageNamespace);
        Assert.Equal("main", creation.DefaultBranch);
        Assert.True(creation.SampleData);
        Assert.True(creation.ReadOnly);
    }

    [Fact]
    public void Commit_writes_every_field_even_those_the_schema_leaves_optional()
    {
        var json = JsonSerializer.Serialize(WireSamples.Named("Commit").Minimal, TarnJson.Context.Commit);
        Assert.Equal(
            """{"id":"4c3ab2b0a4b8ac1e5b4b5bd0c27d8b6ae1a0d7a4f0ab8a0d8e34b0e4c0d3f4a1","parents":[],"committer":"","message":"Repository created","creation_date":1700000000,"meta_range_id":"","metadata":{},"generation":1,"version":1}""",
            json);
    }

    [Fact]
    public void A_common_prefix_writes_its_required_fields_as_zero_values()
    {
        var json = JsonSerializer.Serialize(WireSamples.Named("ObjectStats").Minimal, TarnJson.Context.ObjectStats);
        Assert.Equal("""{"path":"a/","path_type":"common_prefix","physical_address":"","checksum":"","mtime":0}""", json);
    }

    private static readonly string[] Issue4Operations =
    [
        "listRepositories", "createRepository", "getRepository", "deleteRepository", "getRepositoryMetadata",
        "setRepositoryMetadata", "deleteRepositoryMetadata", "listBranches", "createBranch", "getBranch", "deleteBranch",
        "resetBranch", "revertBranch", "cherryPick", "diffBranch", "hardResetBranch", "commit", "getCommit",
        "createCommitRecord", "diffRefs", "logCommits", "mergeIntoBranch", "findMergeBase", "listTags", "createTag",
        "getTag", "deleteTag", "uploadObject", "getObject", "headObject", "statObject", "listObjects", "deleteObject",
        "deleteObjects", "copyObject", "getUnderlyingProperties", "getPhysicalAddress", "linkPhysicalAddress",
        "stageObject", "uploadObjectPreflight", "createSymlinkFile", "getMetaRange", "getRange",
        "createPresignMultipartUpload", "completePresignMultipartUpload", "abortPresignMultipartUpload",
    ];

    private static IEnumerable<string> RequiredFields(string schema) =>
        ComponentSchemas.Raw(schema).TryGetValue("required", out var required)
            ? ((List<object>)required).Select(r => r.ToString()!)
            : [];

    private static JsonObject ToObject(object value) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), TarnJson.Options)!.AsObject();

    private static JsonNode WrongTypeFor(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => JsonValue.Create(12),
        JsonValueKind.Number => JsonValue.Create("12"),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create("yes"),
        JsonValueKind.Array => new JsonObject(),
        _ => new JsonArray(),
    };
}
