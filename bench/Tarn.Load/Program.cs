using Tarn.Load.Cli;

namespace Tarn.Load;

/// <summary>Entry point of the load tool.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => LoadCommandLine.InvokeAsync(args);
}
