namespace Tarn.Load.Api;

/// <summary>Where the server under test listens and the admin credentials to call it with.</summary>
internal sealed record ServerEndpoint(Uri BaseAddress, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>lakeFS's well-known quickstart admin, which <c>tarn run --quickstart</c> creates.</summary>
    public const string QuickstartAccessKeyId = "AKIAIOSFOLQUICKSTART";

    /// <summary>The quickstart admin's secret (public by design: it is printed in lakeFS's docs).</summary>
    public const string QuickstartSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
}
