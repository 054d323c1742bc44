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
            // Configuration and domain errors carry messages written for the operator (they name the key
            // or the rule); anything else is a bug and keeps its stack trace.
            await Console.Error.WriteLineAsync("FATAL: " + error.Message);
            return 1;
        }
    }
}
