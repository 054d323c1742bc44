using Microsoft.Extensions.DependencyInjection;
using Tarn.Blocks.Presign;

namespace Tarn.Blocks;

/// <summary>How object data registers itself in a container.</summary>
public static class BlocksServiceCollectionExtensions
{
    /// <summary>
    /// The block adapter the configuration chose, and the signer of the presigned URLs the server serves for
    /// it, keyed from <paramref name="presignSecret"/> (the installation's master secret, so restarts keep
    /// issued URLs valid and rotating the secret revokes them). Needs <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddTarnBlocks(this IServiceCollection services, IBlockAdapter adapter, string presignSecret)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(presignSecret);
        services.AddSingleton(adapter);
        services.AddSingleton(sp => new PresignedUrlSigner(PresignedUrlSigner.DeriveKey(presignSecret), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
