namespace Tarn.Auth.Authorization;

/// <summary>Any child suffices.</summary>
public sealed record AnyOfPermissions(IReadOnlyList<PermissionTree> Children) : PermissionTree;
