using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tarn.Blocks;
using Tarn.Kv;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Protection;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Retention;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning;

/// <summary>How the versioning engine registers itself in a container.</summary>
public static class VersioningServiceCollectionExtensions
{
    /// <summary>
    /// The engine (<see cref="VersionController"/> and its collaborators, one of each per process) and its
    /// background work: the deletion of consumed staging tokens. Needs in the container: <see cref="IKvStore"/>,
    /// <see cref="IBlockAdapter"/>, <see cref="TimeProvider"/> and logging.
    /// </summary>
    public static IServiceCollection AddTarnVersioning(this IServiceCollection services, VersionControllerOptions options)
    {
        services.AddTarnVersioningEngine(options);
        services.AddHostedService(sp => new StagingCleanupService(
            sp.GetRequiredService<IKvStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StagingCleanupService>>()));
        return services;
    }

    /// <summary>The engine alone, without background services (also what <see cref="VersionController.Create"/> builds).</summary>
    internal static IServiceCollection AddTarnVersioningEngine(this IServiceCollection services, VersionControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => new StagingStore(sp.GetRequiredService<IKvStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RefStore(
            sp.GetRequiredService<IKvStore>(), sp.GetRequiredService<StagingStore>(), sp.GetRequiredService<TimeProvider>(),
            new CommitCache(options.CommitCacheCapacity)));
        services.AddSingleton(sp => new RefResolver(sp.GetRequiredService<RefStore>()));
        services.AddSingleton(sp => new CommitLog(sp.GetRequiredService<RefStore>()));
        services.AddSingleton(sp => new MergeBase(sp.GetRequiredService<RefStore>()));
        services.AddSingleton(sp => new CommittedManager(sp.GetRequiredService<IBlockAdapter>(), options.Committed));
        services.AddSingleton(sp => new BranchProtection(sp.GetRequiredService<IKvStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RetentionRuleStore(sp.GetRequiredService<IKvStore>()));
        services.AddSingleton(sp => new VersionController(
            sp.GetRequiredService<StagingStore>(),
            sp.GetRequiredService<RefStore>(),
            sp.GetRequiredService<RefResolver>(),
            sp.GetRequiredService<CommitLog>(),
            sp.GetRequiredService<MergeBase>(),
            sp.GetRequiredService<CommittedManager>(),
            sp.GetRequiredService<BranchProtection>(),
            sp.GetRequiredService<RetentionRuleStore>(),
            sp.GetRequiredService<TimeProvider>(),
            options,
            sp.GetRequiredService<ILogger<VersionController>>()));
        return services;
    }
}
