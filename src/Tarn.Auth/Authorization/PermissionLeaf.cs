namespace Tarn.Auth.Authorization;

/// <summary>One action on one resource.</summary>
public sealed record PermissionLeaf(string Action, string Resource) : PermissionTree;
