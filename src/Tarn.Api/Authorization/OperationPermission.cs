using Tarn.Auth.Authorization;

namespace Tarn.Api.Authorization;

/// <summary>How an operation is guarded: not at all, by authentication alone, or by a permission.</summary>
public enum PermissionKind
{
    /// <summary>No credentials needed (health, setup, login).</summary>
    Public,

    /// <summary>Any authenticated user may call it (docs/access-control.md, "Public and authentication-only operations").</summary>
    AuthenticationOnly,

    /// <summary>The caller's policies must grant <see cref="OperationPermission.Rule"/>'s permission.</summary>
    Checked,
}

/// <summary>
/// One row of <see cref="OperationPermissions"/>: what an operation requires. A checked rule computes the
/// permission tree from the request; <see cref="ReadsBody"/> says whether the rule looks at the JSON body,
/// so the body is buffered and parsed only for the few operations that name a resource in it.
/// </summary>
public sealed record OperationPermission(PermissionKind Kind, Func<PermissionRequest, PermissionTree>? Rule = null, bool ReadsBody = false)
{
    public static OperationPermission Public { get; } = new(PermissionKind.Public);

    public static OperationPermission AuthenticationOnly { get; } = new(PermissionKind.AuthenticationOnly);

    /// <summary>A permission computed from route and query values.</summary>
    public static OperationPermission Require(Func<PermissionRequest, PermissionTree> rule) => new(PermissionKind.Checked, rule);

    /// <summary>A permission that also reads top-level fields of the JSON body.</summary>
    public static OperationPermission RequireFromBody(Func<PermissionRequest, PermissionTree> rule) => new(PermissionKind.Checked, rule, ReadsBody: true);
}
