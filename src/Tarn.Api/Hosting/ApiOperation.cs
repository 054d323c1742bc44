namespace Tarn.Api.Hosting;

/// <summary>Who may call an operation before any permission check runs.</summary>
public enum ApiAccess
{
    /// <summary>No credentials needed (health, setup, login).</summary>
    Public,
    /// <summary>Any authenticated user.</summary>
    Authenticated,
}

/// <summary>
/// Endpoint metadata naming the lakeFS operation an endpoint serves. Middleware reads it to decide
/// authentication; the conformance test reads it to prove every spec operation is routed.
/// </summary>
public sealed record ApiOperation(string OperationId, ApiAccess Access, bool Implemented = true);
