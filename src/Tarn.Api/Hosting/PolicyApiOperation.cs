namespace Tarn.Api.Hosting;

/// <summary>
/// Endpoint metadata marking an operation of the policy API, which exists only in internal RBAC mode
/// (<see cref="Authorization.PolicyApiGate"/> answers 501 for it in simplified mode).
/// </summary>
public sealed class PolicyApiOperation
{
    public static PolicyApiOperation Instance { get; } = new();

    private PolicyApiOperation()
    {
    }
}
