using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Blocks;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Hosting;

/// <summary>Turns configuration and the block store's abilities into what the API reports about the server.</summary>
internal static class ServerInfoFactory
{
    public static ApiServerInfo Create(TarnSettings settings, BlockstoreDescription blockstore, string installationId)
    {
        var ui = settings.Auth.UiConfig;
        return new ApiServerInfo
        {
            Version = TarnVersion.Reported,
            InstallationId = installationId,
            Storage = new StorageConfig
            {
                BlockstoreType = blockstore.BlockstoreType,
                BlockstoreNamespaceExample = blockstore.NamespaceExample,
                BlockstoreNamespaceValidityRegex = blockstore.NamespaceValidityRegex,
                DefaultNamespacePrefix = settings.Blockstore.DefaultNamespacePrefix,
                PreSignSupport = blockstore.PreSignAdvertised,
                PreSignSupportUi = blockstore.PreSignSupportUi,
                ImportSupport = blockstore.ImportSupport,
                ImportValidityRegex = blockstore.ImportValidityRegex,
                PreSignMultipartUpload = blockstore.PreSignMultipartUpload,
            },
            LoginConfig = new LoginConfig
            {
                // The spec knows "simplified" and "external"; the web UI shows its policy pages for anything
                // but "simplified", which is what Tarn's internal RBAC mode needs.
                Rbac = ui.Rbac == RbacMode.Simplified ? "simplified" : "external",
                LoginUrl = ui.LoginUrl ?? "",
                LoginFailedMessage = ui.LoginFailedMessage,
                FallbackLoginUrl = ui.FallbackLoginUrl,
                FallbackLoginLabel = ui.FallbackLoginLabel,
                LoginCookieNames = ui.LoginCookieNames,
                LogoutUrl = ui.LogoutUrl ?? "",
            },
            EmailSubscriptionEnabled = settings.EmailSubscription.Enabled,
            UsageReportEnabled = settings.UsageReport.Enabled,
            LogoutRedirectUrl = settings.Auth.LogoutRedirectUrl,
        };
    }
}
