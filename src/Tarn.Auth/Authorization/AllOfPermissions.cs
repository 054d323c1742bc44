namespace Tarn.Auth.Authorization;

/// <summary>All children required.</summary>
public sealed record AllOfPermissions(IReadOnlyList<PermissionTree> Children) : PermissionTree;
