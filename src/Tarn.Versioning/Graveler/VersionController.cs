using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tarn.Blocks;
using Tarn.Kv;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using Tarn.Versioning.Protection;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Retention;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// The versioning engine's one door (Graveler): repositories, branches, tags, values on refs, commit,
/// diff, merge, log, reset, revert and cherry-pick over the ref store, the staging store and committed
/// storage. It speaks byte keys and <see cref="Value"/>s; the catalog turns those into objects.
/// Thread-safe; one instance per process.
/// </summary>
/// <remarks>
/// Every change of a branch record is a compare-and-swap (other processes may share the database);
/// in-process, operations that move a branch queue per (repository instance, branch) so concurrent
/// commits and merges take turns instead of failing. Split by area into partial files.
/// </remarks>
public sealed partial class VersionController
{
    private readonly StagingStore _staging;
    private readonly RefStore _refs;
    private readonly RefResolver _resolver;
    private readonly CommitLog _log;
    private readonly MergeBase _mergeBase;
    private readonly CommittedManager _committed;
    private readonly TimeProvider _time;
    private readonly VersionControllerOptions _options;
    private readonly KeyedAsyncLock<(string Partition, string Branch)> _branchLocks = new();
    private readonly BranchProtection _protection;
    private readonly RetentionRuleStore _retention;
    private readonly ILogger _logger;

    /// <summary>
    /// The engine over its collaborators, as the container builds it (<see cref="VersioningServiceCollectionExtensions.AddTarnVersioning"/>);
    /// outside a container use <see cref="Create"/>.
    /// </summary>
    internal VersionController(
        StagingStore staging,
        RefStore refs,
        RefResolver resolver,
        CommitLog log,
        MergeBase mergeBase,
        CommittedManager committed,
        BranchProtection protection,
        RetentionRuleStore retention,
        TimeProvider time,
        VersionControllerOptions options,
        ILogger<VersionController> logger)
    {
        _staging = staging;
        _refs = refs;
        _resolver = resolver;
        _log = log;
        _mergeBase = mergeBase;
        _committed = committed;
        _protection = protection;
        _retention = retention;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// An engine over <paramref name="kv"/> and <paramref name="blockAdapter"/> for tests and tools, wired by
    /// the same registration the server uses.
    /// </summary>
    public static VersionController Create(
        IKvStore kv,
        IBlockAdapter blockAdapter,
        TimeProvider? time = null,
        VersionControllerOptions? options = null,
        ILogger<VersionController>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(blockAdapter);
        var services = new ServiceCollection()
            .AddSingleton(kv)
            .AddSingleton(blockAdapter)
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<ILogger<VersionController>>(logger ?? NullLogger<VersionController>.Instance)
            .AddTarnVersioningEngine(options ?? new VersionControllerOptions());
        return services.BuildServiceProvider().GetRequiredService<VersionController>();
    }

    /// <summary>Committed storage, for the metadata endpoints that read range and metarange files directly.</summary>
    public CommittedManager Committed => _committed;

    internal RefStore Refs => _refs;

    internal StagingStore Staging => _staging;

    /// <summary>Branches with an in-process lock entry right now (tests check entries go away).</summary>
    internal int LockedBranchCount => _branchLocks.Count;

    private static StorageNamespace NamespaceOf(RepositoryRecord repository) => StorageNamespace.Parse(repository.StorageNamespace);

    /// <summary>An active repository after validating its ID: 400, 404 <c>repository not found</c>, 410 in deletion.</summary>
    private async ValueTask<RepositoryRecord> RepositoryAsync(string repositoryId, CancellationToken cancellationToken)
    {
        IdentifierRules.EnsureRepositoryId(repositoryId);
        return await _refs.GetRepositoryAsync(repositoryId, cancellationToken);
    }

    private ValueTask<KeyedAsyncLock<(string, string)>.Releaser> LockBranchAsync(RepositoryRecord repository, string branchId, CancellationToken cancellationToken) =>
        _branchLocks.AcquireAsync((repository.Partition, branchId), cancellationToken);

    private DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>Messages of the engine: one per branch move at Information, per-attempt detail at Debug.</summary>
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Branch {Repository}/{Branch} moved to commit {CommitId} in {ElapsedMs} ms")]
        public static partial void BranchMoved(ILogger logger, string repository, string branch, string commitId, long elapsedMs);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Branch {Repository}/{Branch} changed while commit {CommitId} was built (attempt {Attempt}); building again")]
        public static partial void BranchMovedConcurrently(ILogger logger, string repository, string branch, string commitId, int attempt);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Staging tokens of {Repository}/{Branch} handed to the sweeper: {Count}")]
        public static partial void TokensDropped(ILogger logger, string repository, string branch, int count);
    }
}
