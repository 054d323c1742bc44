using Tarn.Server.Configuration;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>What an operator sees once the server is ready: where it listens and how to get in.</summary>
internal static class StartupBanner
{
    public static void Print(TextWriter output, TarnSettings settings, Uri listening, bool initialized, bool showQuickstartCredentials)
    {
        // Kestrel reports the bound address; for a wildcard bind, show a URL a browser can open.
        var url = listening.Host is "0.0.0.0" or "[::]" ? new UriBuilder(listening) { Host = "127.0.0.1" }.Uri : listening;
        var root = url.ToString().TrimEnd('/');
        output.WriteLine();
        output.WriteLine($"Tarn {TarnVersion.Tarn} (lakeFS API v{TarnVersion.LakeFsCompatible}) is ready");
        output.WriteLine($"  API:          {root}/api/v1");
        output.WriteLine($"  Health check: {root}/_health");
        if (showQuickstartCredentials)
        {
            output.WriteLine();
            output.WriteLine("Quickstart credentials (not for production):");
            output.WriteLine($"  access_key_id:     {settings.Installation.AccessKeyId!.Reveal()}");
            output.WriteLine($"  secret_access_key: {settings.Installation.SecretAccessKey!.Reveal()}");
            output.WriteLine($"  user:              {settings.Installation.UserName}");
        }
        else if (settings.Profile == ConfigProfile.Quickstart)
        {
            output.WriteLine();
            output.WriteLine("Quickstart: this data folder was set up with another admin; use that admin's keys.");
        }
        else if (!initialized)
        {
            output.WriteLine();
            output.WriteLine($"Not set up yet: POST {root}/api/v1/setup_lakefs, or run `tarn setup --user-name <name>`.");
        }

        output.WriteLine();
        output.Flush();
    }
}
