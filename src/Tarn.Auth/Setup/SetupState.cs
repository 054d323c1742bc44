namespace Tarn.Auth.Setup;

/// <summary>What <c>GET /setup_lakefs</c> reports (the login configuration comes from the host's options).</summary>
public sealed record SetupState(bool Initialized, bool CommPrefsMissing);
