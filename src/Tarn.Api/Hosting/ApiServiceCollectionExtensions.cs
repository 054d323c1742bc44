using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Api.Contracts;
using Tarn.Api.Presign;
using Tarn.Api.Usage;

namespace Tarn.Api.Hosting;

/// <summary>Registers what the HTTP API needs; the domain services come from their own modules.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddTarnApi(this IServiceCollection services, ApiServerInfo info, TimeSpan usageFlushInterval)
    {
        ArgumentNullException.ThrowIfNull(info);
        services.AddSingleton(info);
        services.Configure<JsonOptions>(options => TarnJson.Configure(options.SerializerOptions));
        // Binding failures (bad JSON, missing body, wrong parameter types) become exceptions that the
        // API's error middleware turns into lakeFS's 400 body, instead of an empty framework 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<UsageCounter>();
        services.AddSingleton<ObjectPresigner>();
        if (info.UsageReportEnabled)
        {
            services.AddHostedService(sp => new UsageFlushService(
                sp.GetRequiredService<UsageCounter>(), usageFlushInterval, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
