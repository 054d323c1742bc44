namespace Tarn.Load.Server;

/// <summary>How to start this tool again as a child (for the baseline server): its apphost, or its .dll under <c>dotnet</c>.</summary>
internal static class SelfExecutable
{
    public static string Path
    {
        get
        {
            var process = Environment.ProcessPath ?? "";
            var host = System.IO.Path.GetFileNameWithoutExtension(process);
            return host.Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? typeof(SelfExecutable).Assembly.Location : process;
        }
    }
}
