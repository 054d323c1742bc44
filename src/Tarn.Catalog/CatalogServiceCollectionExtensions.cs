using Microsoft.Extensions.DependencyInjection;
using Tarn.Blocks;
using Tarn.Catalog.Exports;
using Tarn.Catalog.Linking;
using Tarn.Catalog.Multipart;
using Tarn.Catalog.Objects;
using Tarn.Catalog.Retention;
using Tarn.Catalog.Samples;
using Tarn.Kv;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog;

/// <summary>How the catalog registers itself in a container.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// The object layer over the engine: objects, staging links, Hive exports, sample data, garbage-collection
    /// preparation and multipart uploads (with their tracker records). Needs the engine
    /// (<c>AddTarnVersioning</c>), <see cref="IBlockAdapter"/>, <see cref="IKvStore"/> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddTarnCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new ObjectCatalog(
            sp.GetRequiredService<VersionController>(), sp.GetRequiredService<IBlockAdapter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LinkedObjects(
            sp.GetRequiredService<VersionController>(), sp.GetRequiredService<IBlockAdapter>(), sp.GetRequiredService<IKvStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SymlinkManifests(sp.GetRequiredService<ObjectCatalog>()));
        services.AddSingleton(sp => new SampleData(sp.GetRequiredService<ObjectCatalog>(), sp.GetRequiredService<VersionController>()));
        services.AddSingleton(sp => new GarbageCollectionPreparation(
            sp.GetRequiredService<VersionController>(), sp.GetRequiredService<IBlockAdapter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MultipartUploadStore(sp.GetRequiredService<IKvStore>()));
        services.AddSingleton(sp => new MultipartUploads(
            sp.GetRequiredService<ObjectCatalog>(), sp.GetRequiredService<VersionController>(),
            sp.GetRequiredService<MultipartUploadStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
