using System.CommandLine;
using Tarn.Server.Configuration;
using Tarn.Server.Configuration.Settings;
using Tarn.Server.Hosting;

namespace Tarn.Server.Cli;

/// <summary><c>tarn run</c>: load the configuration, open the stores, set up from <c>installation.*</c>, serve.</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("run", "Run the Tarn server");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = global.Load(parse);
            var settings = loaded.Settings;
            using var loggerFactory = LoggerFactory.Create(ServerLogging.From(settings.Logging));
            var logger = loggerFactory.CreateLogger("Tarn.Server");
            StartupLog.Configuration(logger, loaded);

            await using var server = await TarnServer.CreateAsync(settings, ServerLogging.From(settings.Logging), cancellationToken);
            var bootstrap = await InstallationBootstrap.RunAsync(server.Auth, settings, cancellationToken);
            StartupLog.Bootstrap(logger, bootstrap, settings.Installation.UserName);
            await server.StartAsync(cancellationToken);
            StartupBanner.Print(
                Console.Out,
                settings,
                server.BaseAddress,
                await server.Auth.Setup.IsInitializedAsync(cancellationToken),
                await QuickstartCredentialsWorkAsync(server, settings, cancellationToken));
            await server.WaitForShutdownAsync();
            return 0;
        });
        return command;
    }

    // The banner shows the quickstart keys only when they really open this installation: data set up
    // earlier with another admin would make them a lie.
    private static async Task<bool> QuickstartCredentialsWorkAsync(TarnServer server, TarnSettings settings, CancellationToken cancellationToken)
    {
        var installation = settings.Installation;
        if (settings.Profile != ConfigProfile.Quickstart || !installation.HasAdmin)
        {
            return false;
        }

        var outcome = await server.Auth.Authenticator.AuthenticateBasicAsync(
            installation.AccessKeyId!.Reveal(), installation.SecretAccessKey!.Reveal(), client: "startup", cancellationToken);
        return outcome.Succeeded;
    }
}
