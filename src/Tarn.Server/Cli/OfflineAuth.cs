using Tarn.Auth;
using Tarn.Kv;
using Tarn.Server.Configuration.Settings;
using Tarn.Server.Hosting;

namespace Tarn.Server.Cli;

/// <summary>The auth domain over the configured metadata store, for commands that run without the server.</summary>
internal sealed class OfflineAuth : IAsyncDisposable
{
    private readonly IKvStore _kv;

    private OfflineAuth(IKvStore kv, AuthService service)
    {
        _kv = kv;
        Service = service;
    }

    public AuthService Service { get; }

    public static async Task<OfflineAuth> OpenAsync(TarnSettings settings, CancellationToken cancellationToken)
    {
        var kv = await MetadataStoreFactory.OpenAsync(settings.Database, cancellationToken);
        return new OfflineAuth(kv, new AuthService(kv, AuthOptionsFactory.Create(settings), TimeProvider.System));
    }

    public ValueTask DisposeAsync() => _kv.DisposeAsync();
}
