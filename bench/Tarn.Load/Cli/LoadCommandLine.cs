using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tarn.Core;
using Tarn.Load.Api;
using Tarn.Load.Baselines;
using Tarn.Load.Reporting;
using Tarn.Load.Running;
using Tarn.Load.Scenarios;

namespace Tarn.Load.Cli;

/// <summary>
/// <c>Tarn.Load SCENARIO [flags]</c>. Exit codes: 0 the run completed with no failed operation, 1 some operations
/// failed or the run could not be made (the report says why), 2 bad flags, 3 every failure was the server answering
/// 501 (the feature is not available yet). <c>scenarios</c> prints the scenario names; the hidden <c>baseline-server</c>
/// command is the tool starting itself as the bare Kestrel server of the HTTP baselines.
/// </summary>
internal static class LoadCommandLine
{
    private const int NotAvailable = 3;
    private const int Interrupted = 130;

    public static RootCommand Create()
    {
        var options = new LoadOptions();
        var root = new RootCommand("Tarn load tool: lakectl-abuse-style scenarios with same-run baselines (issue 7)");
        options.AddTo(root);
        root.SetAction(async (parse, cancellationToken) =>
        {
            LoadSettings settings;
            try
            {
                settings = LoadSettingsBinder.Bind(parse, options);
            }
            catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
            {
                await Console.Error.WriteLineAsync("error: " + error.Message);
                return 2;
            }

            return await RunAsync(settings, cancellationToken);
        });
        root.Add(CreateScenariosCommand());
        root.Add(CreateBaselineServer());
        return root;
    }

    // Ctrl-C and SIGTERM are handled by RunAsync itself (the library's handler would let the process end
    // before the children are stopped and their temporary folders deleted).
    public static Task<int> InvokeAsync(string[] args) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

    private static async Task<int> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        // The first Ctrl-C / SIGTERM cancels the run and lets disposal stop the servers and delete their data;
        // a second one ends the process at once.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Interrupt(PosixSignalContext signal)
        {
            if (!interrupted.IsCancellationRequested)
            {
                signal.Cancel = true;
                interrupted.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        try
        {
            var report = await LoadRun.RunAsync(settings, Console.Out, interrupted.Token);
            TextReport.Write(Console.Out, report);
            if (settings.JsonPath is { } path)
            {
                await JsonReport.WriteAsync(path, report, interrupted.Token);
                await Console.Out.WriteLineAsync("result written to " + path);
            }

            return ExitCode(report);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{settings.Scenario.Name}: interrupted; servers stopped, temporary data deleted");
            return Interrupted;
        }
        catch (Exception error) when (error is LoadRequestException or HttpRequestException or IOException or InvalidOperationException
            or TimeoutException or InvalidDataException or JsonException or KeyNotFoundException or TarnException or UnauthorizedAccessException)
        {
            // Setup failed (the server refused to create the repository, did not start, ...): say what, no stack trace.
            await Console.Error.WriteLineAsync($"error: {settings.Scenario.Name} could not run: {error.Message}");
            return 1;
        }
    }

    private static int ExitCode(RunReport report)
    {
        if (report.Baselines.Any(comparison => comparison.Baseline.Errors > 0))
        {
            return 1;
        }

        return report.Result.Errors == 0 ? 0
            : report.Result.Errors == report.Result.NotImplementedErrors ? NotAvailable
            : 1;
    }

    private static Command CreateScenariosCommand()
    {
        var command = new Command("scenarios", "Print the scenarios, one per line: name, then description");
        command.SetAction(async _ =>
        {
            foreach (var scenario in ScenarioCatalog.All)
            {
                await Console.Out.WriteLineAsync($"{scenario.Name}\t{scenario.Description}");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateBaselineServer()
    {
        var port = new Option<int>("--port") { Required = true };
        var objectSize = new Option<long>("--object-size") { Required = true };
        var staticFile = new Option<string?>("--static-file");
        var command = new Command("baseline-server", "Internal: the bare Kestrel server of the HTTP baselines") { Hidden = true };
        command.Add(port);
        command.Add(objectSize);
        command.Add(staticFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await BareKestrelServer.RunAsync(parse.GetValue(port), parse.GetValue(objectSize), parse.GetValue(staticFile), cancellationToken);
            return 0;
        });
        return command;
    }
}
