using Microsoft.Extensions.DependencyInjection;

namespace Tarn.Kv;

/// <summary>How the metadata store registers itself in a container.</summary>
public static class KvServiceCollectionExtensions
{
    /// <summary>
    /// The process's one metadata store, already opened (opening is asynchronous and may fail, so it happens
    /// before the container is built: see the server's <c>MetadataStoreFactory</c>). The caller disposes it.
    /// </summary>
    public static IServiceCollection AddTarnKv(this IServiceCollection services, IKvStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        return services.AddSingleton(store);
    }
}
