using Microsoft.Extensions.Logging.Console;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>Logging as <c>logging.*</c> asks: text or JSON lines on the console at the configured level.</summary>
internal static class ServerLogging
{
    public static Action<ILoggingBuilder> From(LoggingSettings logging) => builder =>
    {
        builder.ClearProviders();
        builder.SetMinimumLevel(logging.Level);
        // The framework's per-request lines print full URLs, query strings included, and presigned URLs
        // carry signatures there: keep them out of the log (docs/access-control.md, "Hardening").
        // Framework chatter (result writing, routing) stays below Warning too.
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (logging.Format == LogFormat.Json)
        {
            builder.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    };
}
