using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>A set-up server in internal RBAC mode (<c>auth.ui_config.rbac: internal</c>): the policy API works.</summary>
public sealed class InternalRbacServerFixture : IAsyncLifetime
{
    public TarnTestServer Server { get; private set; } = null!;

    public string AccessKeyId { get; private set; } = "";

    public string SecretAccessKey { get; private set; } = "";

    public HttpClient Admin() => Server.CreateClient(AccessKeyId, SecretAccessKey);

    /// <summary>Admin operations for arranging users, groups and policies.</summary>
    public AdminApi AdminApi() => new(Server, Admin());

    public async ValueTask InitializeAsync()
    {
        Server = await TarnTestServer.StartAsync(env => env["LAKEFS_AUTH_UI_CONFIG_RBAC"] = "internal");
        (AccessKeyId, SecretAccessKey) = await Server.SetupAdminAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        TarnTestServer.DeleteData(Server.DataDirectory);
    }
}
