using System.CommandLine;
using Tarn.Core;
using Tarn.Server.Hosting;

namespace Tarn.Server.Cli;

/// <summary>
/// The <c>tarn</c> command line, shaped like the <c>lakefs</c> binary's so operators' scripts carry over:
/// <c>run</c>, <c>setup</c> (<c>init</c>), <c>superuser</c>, global <c>--config/-c</c>, <c>--local-settings</c>,
/// <c>--quickstart</c>, <c>--version</c>. Exit codes: 0 success, 1 operational failure.
/// </summary>
internal static class TarnCommandLine
{
    public static RootCommand Create()
    {
        var global = new GlobalOptions();
        var root = new RootCommand($"Tarn {TarnVersion.Tarn}: a data version control server speaking the lakeFS API v{TarnVersion.LakeFsCompatible}");
        global.AddTo(root);
        root.Add(RunCommand.Create(global));
        root.Add(SetupCommand.CreateSetup(global));
        root.Add(SetupCommand.CreateSuperuser(global));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        try
        {
            return await Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (TarnException error)
        {
            // Configuration and domain errors carry messages written for the operator (they name the key or the rule).
            await Console.Error.WriteLineAsync("FATAL: " + error.Message);
            return 1;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or System.Data.Common.DbException or UnauthorizedAccessException or TimeoutException or FormatException or ArgumentException)
        {
            // The environment refused: a port in use, a database that does not answer, a path that is a
            // file. An operational failure (exit 1) with the cause, not a crash with a stack trace.
            await Console.Error.WriteLineAsync("FATAL: " + Describe(error));
            return 1;
        }
    }

    private static string Describe(Exception error) =>
        error.InnerException is { } inner && inner.Message != error.Message ? $"{error.Message} ({inner.Message})" : error.Message;
}
