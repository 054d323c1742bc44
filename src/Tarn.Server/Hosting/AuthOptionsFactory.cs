using Tarn.Auth;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>Maps the <c>auth.*</c> configuration onto the auth domain's options.</summary>
internal static class AuthOptionsFactory
{
    public static AuthOptions Create(TarnSettings settings) => new()
    {
        SecretKey = settings.Auth.EncryptSecretKey.Reveal(),
        LoginDuration = settings.Auth.LoginDuration,
        RbacMode = settings.Auth.UiConfig.Rbac == Configuration.Settings.RbacMode.Internal
            ? Tarn.Auth.RbacMode.Internal
            : Tarn.Auth.RbacMode.Simplified,
        EmailSubscriptionEnabled = settings.EmailSubscription.Enabled,
        PolicyCacheTtl = settings.Auth.Cache.Enabled ? settings.Auth.Cache.Ttl : TimeSpan.Zero,
    };
}
