namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>One catalog-backed gateway shared by the tests of a class.</summary>
public sealed class CatalogGatewayFixture : IAsyncLifetime
{
    private CatalogGatewayServer? _server;

    public CatalogGatewayServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _server = await CatalogGatewayServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
