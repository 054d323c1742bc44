using System.Net;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>A multipart upload the writer's requests may complete, abort or add parts to.</summary>
internal sealed record OpenUpload(string UploadId, string Path, IReadOnlyList<(int Number, string ETag)> Parts);

/// <summary>
/// Everything the generator may name, fixed at start-up so that iteration <c>i</c> of seed <c>s</c> is the
/// same request in every run: the keys, the repositories and their guarded objects. The generator never
/// names a sentinel, a canary or a <c>refused/</c> path in a correctly signed request; only a server that
/// routes by something other than the raw path can reach them.
/// </summary>
internal sealed record FuzzTargets
{
    public const string FuzzRepository = "fuzz-repo";
    public const string SentinelRepository = "sentinel-repo";
    public const string SentinelBranch = "keep-branch";
    public const string SentinelTag = "keep-tag";

    /// <summary>Paths under which only refused requests write; nothing may ever appear there.</summary>
    public const string RefusedPrefix = "refused/";

    /// <summary>Paths of objects only refused requests delete or overwrite.</summary>
    public const string CanaryPrefix = "canary/";

    /// <summary>Where the writer's requests put what they create.</summary>
    public const string FuzzPrefix = "fuzz/";

    public required string Host { get; init; }

    public required FuzzKey Writer { get; init; }

    public required IReadOnlyList<FuzzKey> Attackers { get; init; }

    /// <summary>API credentials (HTTP basic), for requests that the gateway does not take.</summary>
    public required FuzzKey ApiUser { get; init; }

    /// <summary>Sentinel objects on <c>main</c> of <see cref="SentinelRepository"/> (also on its sentinel branch and tag).</summary>
    public required IReadOnlyList<string> SentinelPaths { get; init; }

    /// <summary>Canary objects on <c>main</c> of <see cref="FuzzRepository"/>, with their checksums.</summary>
    public required IReadOnlyList<(string Path, string Checksum)> Canaries { get; init; }

    /// <summary>Objects on <c>main</c> of <see cref="FuzzRepository"/> the writer reads, copies and may overwrite.</summary>
    public required IReadOnlyList<string> SeedPaths { get; init; }

    public required IReadOnlyList<GuardedUpload> GuardedUploads { get; init; }

    public required IReadOnlyList<OpenUpload> OpenUploads { get; init; }

    /// <summary>Loopback addresses to send refused requests from (the server throttles failures per key and client).</summary>
    public required IReadOnlyList<IPAddress> AttackerAddresses { get; init; }

    /// <summary>Whether a correctly signed request may name this path of this repository (any ref).</summary>
    public bool MayWriterName(string repository, string path) =>
        repository == SentinelRepository
            ? !SentinelPaths.Contains(path)
            : !(repository == FuzzRepository
                && (path.StartsWith(RefusedPrefix, StringComparison.Ordinal) || path.StartsWith(CanaryPrefix, StringComparison.Ordinal)));
}
