using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>One set-up server shared by the tests of a class (starting one costs a few hundred ms).</summary>
public sealed class AdminServerFixture : IAsyncLifetime
{
    public TarnTestServer Server { get; private set; } = null!;

    public string AccessKeyId { get; private set; } = "";

    public string SecretAccessKey { get; private set; } = "";

    public HttpClient Admin() => Server.CreateClient(AccessKeyId, SecretAccessKey);

    public async ValueTask InitializeAsync()
    {
        Server = await TarnTestServer.StartAsync(env => env["LAKEFS_USAGE_REPORT_ENABLED"] = "true");
        (AccessKeyId, SecretAccessKey) = await Server.SetupAdminAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        TarnTestServer.DeleteData(Server.DataDirectory);
    }
}
