using Tarn.Server.Cli;

namespace Tarn.Server;

/// <summary>Entry point of the <c>tarn</c> executable.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => TarnCommandLine.InvokeAsync(args);
}
