using Microsoft.Extensions.DependencyInjection;
using Tarn.Kv;

namespace Tarn.Auth;

/// <summary>How the auth domain registers itself in a container.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// The auth domain over the metadata store, and each of its services on its own (users, keys, groups,
    /// policies, ACLs, setup, authentication, tokens, authorization), all sharing one store so a change made
    /// through any of them invalidates the authorizer's cache. Needs <see cref="IKvStore"/> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddTarnAuth(this IServiceCollection services, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp => new AuthService(sp.GetRequiredService<IKvStore>(), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Setup);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Authenticator);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Tokens);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Authorizer);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Users);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Groups);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Credentials);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Policies);
        services.AddSingleton(sp => sp.GetRequiredService<AuthService>().Acls);
        return services;
    }
}
