using System.Net;
using System.Net.Http.Json;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>Configuration, version, storage, usage and statistics operations, and routing failures.</summary>
public sealed class ServerInfoTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Config_reports_the_local_block_store_and_a_lakefs_compatible_version()
    {
        using var admin = fixture.Admin();
        var config = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/config", Token));
        Assert.StartsWith("1.12.1+tarn.", config.GetProperty("version_config").GetProperty("version").GetString(), StringComparison.Ordinal);
        var storage = config.GetProperty("storage_config");
        Assert.Equal("local", storage.GetProperty("blockstore_type").GetString());
        Assert.Equal("^local://", storage.GetProperty("blockstore_namespace_ValidityRegex").GetString());
        // Tarn serves presigned URLs for the local store to clients that ask, but reports lakeFS's capabilities:
        // clients that presign whenever told they can would otherwise leave the plain paths.
        Assert.False(storage.GetProperty("pre_sign_support").GetBoolean());
        Assert.False(storage.GetProperty("pre_sign_support_ui").GetBoolean());

        var gc = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/config/garbage-collection", Token));
        Assert.Equal(21600, gc.GetProperty("grace_period").GetInt64());
    }

    [Fact]
    public async Task Presigning_on_local_storage_is_advertised_only_when_configured()
    {
        await using var server = await TarnTestServer.StartAsync(env => env["LAKEFS_BLOCKSTORE_LOCAL_ADVERTISE_PRE_SIGNED"] = "true", cancellationToken: Token);
        var (key, secret) = await server.SetupAdminAsync(cancellationToken: Token);
        using var admin = server.CreateClient(key, secret);
        var storage = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/config/storage", Token));
        Assert.True(storage.GetProperty("pre_sign_support").GetBoolean());
        Assert.False(storage.GetProperty("pre_sign_support_ui").GetBoolean());
        TarnTestServer.DeleteData(server.DataDirectory);
    }

    [Fact]
    public async Task Usage_report_counts_api_calls_for_this_installation()
    {
        using var admin = fixture.Admin();
        for (var i = 0; i < 3; i++)
        {
            await admin.GetAsync("api/v1/config/version", Token);
        }

        var report = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/usage-report/summary", Token));
        Assert.False(string.IsNullOrEmpty(report.GetProperty("installation_id").GetString()));
        var month = report.GetProperty("reports").EnumerateArray().Last();
        Assert.Equal(DateTime.UtcNow.Year, month.GetProperty("year").GetInt32());
        Assert.True(month.GetProperty("count").GetInt64() >= 3);
    }

    [Fact]
    public async Task Usage_report_is_404_when_disabled()
    {
        await using var server = await TarnTestServer.StartAsync(cancellationToken: Token);
        var (key, secret) = await server.SetupAdminAsync(cancellationToken: Token);
        using var admin = server.CreateClient(key, secret);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/usage-report/summary", Token), HttpStatusCode.NotFound, "usage report is not enabled");
        TarnTestServer.DeleteData(server.DataDirectory);
    }

    [Fact]
    public async Task Statistics_are_validated_then_dropped()
    {
        using var admin = fixture.Admin();
        using var ok = await admin.PostAsJsonAsync("api/v1/statistics", new { events = new[] { new { @class = "ui", name = "click", count = 1 } } }, Token);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        await ApiAssert.ErrorAsync(
            await admin.PostAsJsonAsync("api/v1/statistics", new { events = new[] { new { @class = "ui" } } }, Token),
            HttpStatusCode.BadRequest);
        // Present but empty or negative values are refused with lakeFS's texts.
        (object Event, string Message)[] refused =
        [
            (new { @class = "", name = "click", count = 1 }, "invalid value: class is required"),
            (new { @class = "ui", name = "", count = 1 }, "invalid value: name is required"),
            (new { @class = "ui", name = "click", count = -1 }, "invalid value: count must be a non-negative integer"),
        ];
        foreach (var (statsEvent, message) in refused)
        {
            await ApiAssert.ErrorAsync(
                await admin.PostAsJsonAsync("api/v1/statistics", new { events = new[] { new { @class = "ui", name = "ok", count = 0 }, statsEvent } }, Token),
                HttpStatusCode.BadRequest, message);
        }
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_json_errors()
    {
        using var admin = fixture.Admin();
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/no/such/thing", Token), HttpStatusCode.NotFound, "invalid API endpoint");
        await ApiAssert.ErrorAsync(await admin.PatchAsync("api/v1/config", null, Token), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Every_api_answer_carries_a_request_id_and_nosniff()
    {
        using var admin = fixture.Admin();
        using var response = await admin.GetAsync("api/v1/config", Token);
        Assert.NotEmpty(response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Root_health_answers_alive()
    {
        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync("_health", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive!", await response.Content.ReadAsStringAsync(Token));
    }
}
