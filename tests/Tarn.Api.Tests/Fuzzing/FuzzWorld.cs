namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The names the generator draws valid-looking values from: a playground (repository, branches, tag,
/// objects, user, group, policy) that requests may change or destroy and that is put back each round,
/// plus values learnt from the server (the playground's commit, metarange and range IDs, an access key).
/// Sentinel names are not here: only <see cref="Sentinels"/> knows them, so no ordinary request names one.
/// </summary>
public sealed class FuzzWorld
{
    public const string Repository = "fuzz-repo";
    public const string Branch = "fuzz-branch";
    public const string Tag = "fuzz-tag";
    public const string User = "fuzz-user";
    public const string Group = "fuzz-group";
    public const string Policy = "fuzz-policy";

    /// <summary>Users whose keys are only ever presented with a wrong secret (so throttling hits nobody the run needs).</summary>
    public static readonly IReadOnlyList<string> WrongSecretUsers = ["fuzz-wrong-secret-1", "fuzz-wrong-secret-2", "fuzz-wrong-secret-3", "fuzz-wrong-secret-4", "fuzz-wrong-secret-5", "fuzz-wrong-secret-6"];

    public static readonly IReadOnlyList<string> ObjectPaths = ["fuzz/a.txt", "fuzz/dir/b.csv", "top.bin", "fuzz/deep/x/y/z.json"];

    public string AdminJwt { get; set; } = "";

    /// <summary>The playground repository's storage namespace: staged and linked addresses must lie inside it.</summary>
    public string StorageNamespace { get; set; } = "local://playground";

    public string UserAccessKeyId { get; set; } = "AKIAFUZZNOSUCHKEY000";

    public List<string> WrongSecretAccessKeyIds { get; } = [];

    public string CommitId { get; set; } = new('0', 64);

    public string MetaRangeId { get; set; } = new('0', 64);

    public string RangeId { get; set; } = new('0', 64);

    /// <summary>A value of the kind a path or query parameter of this name takes (not yet encoded).</summary>
    public string ValueFor(string parameter, FuzzRandom random) => parameter switch
    {
        "repository" => random.Chance(0.9) ? Repository : random.FreshName(),
        "branch" or "destinationBranch" => random.Weighted(("main", 4.0), (Branch, 4.0), (random.FreshName(), 1.0)),
        "ref" or "sourceRef" or "leftRef" or "rightRef" or "stop_at" => Ref(random),
        "tag" => random.Chance(0.8) ? Tag : random.FreshName(),
        "commitId" or "commit" => random.Weighted((CommitId, 6.0), ("main", 1.0), (random.Hex(64), 1.0)),
        "userId" => random.Chance(0.8) ? User : random.FreshName(),
        "groupId" => random.Chance(0.8) ? Group : random.FreshName(),
        "policyId" => random.Chance(0.8) ? Policy : random.FreshName(),
        "accessKeyId" => random.Chance(0.8) ? UserAccessKeyId : "AKIA" + random.Letters(16).ToUpperInvariant(),
        "meta_range" or "source_metarange" => random.Chance(0.8) ? MetaRangeId : random.Hex(64),
        "range" => random.Chance(0.8) ? RangeId : random.Hex(64),
        "path" or "dest_path" or "after" => random.Chance(0.85) ? random.Pick(ObjectPaths) : "fuzz/" + random.Letters(5),
        "prefix" => random.Pick<string>(["fuzz/", "", "fuzz/dir/", "t"]),
        "delimiter" => random.Chance(0.8) ? "/" : "",
        "amount" or "limit" => random.Pick<string>(["1", "2", "10", "100", "1000", "-1", "0"]),
        "parts" => random.Pick<string>(["1", "2", "3"]),
        "since" => random.Pick<string>(["2024-01-01T00:00:00Z", "2030-12-31T23:59:59+02:00"]),
        "location" => "local://fuzz/" + random.Letters(6),
        "storageClass" => "STANDARD",
        "type" => random.Pick<string>(["object", "common_prefix"]),
        _ => random.Letters(random.Between(1, 12)),
    };

    /// <summary>
    /// An access key id to pair with a wrong secret: mostly one that does not exist, sometimes a real one.
    /// The server slows down answers after 5 wrong secrets for one key and client, so no key may take many.
    /// </summary>
    public string WrongSecretKeyId(FuzzRandom random)
    {
        var unknown = "AKIAFZ" + random.Letters(14).ToUpperInvariant();
        var real = random.Next(WrongSecretUsers.Count);
        return random.Chance(0.95) || real >= WrongSecretAccessKeyIds.Count ? unknown : WrongSecretAccessKeyIds[real];
    }

    public string Ref(FuzzRandom random) => random.Weighted(
        ("main", 4.0), (Branch, 3.0), (Tag, 2.0), (CommitId, 2.0), ("main~1", 0.5), ("main^1", 0.5), (Branch + "$", 0.5), ("main@", 0.5), (random.FreshName(), 0.5));
}
