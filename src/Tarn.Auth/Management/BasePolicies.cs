namespace Tarn.Auth.Management;

/// <summary>
/// The statements of the built-in groups: the ACL levels of simplified mode and the policies and groups of
/// the internal RBAC mode (docs/access-control.md, "RBAC modes").
/// </summary>
public static class BasePolicies
{
    public const string AdminsGroup = "Admins";
    public const string All = "*";
    public const string OwnUserArn = "arn:lakefs:auth:::user/${user}";

    private static readonly string[] ReadWriteActions =
    [
        "fs:Read*", "fs:List*", "fs:WriteObject", "fs:DeleteObject", "fs:RevertBranch", "fs:CreateBranch",
        "fs:CreateTag", "fs:DeleteBranch", "fs:DeleteTag", "fs:CreateCommit", "fs:CreateMetaRange",
    ];

    private static readonly string[] ReadActions = ["fs:List*", "fs:Read*"];

    private static readonly string[] OwnCredentialsActions =
        ["auth:CreateCredentials", "auth:DeleteCredentials", "auth:ListCredentials", "auth:ReadCredentials"];

    private static readonly string[] RepoManagementReadActions = ["ci:Read*", "retention:Get*", "branches:Get*", "fs:ReadConfig"];

    /// <summary>The groups of simplified mode with their ACL levels, in creation order.</summary>
    public static IReadOnlyList<(string Group, string Permission)> AclGroups { get; } =
    [
        (AdminsGroup, AclPermissions.Admin),
        ("Supers", AclPermissions.Super),
        ("Writers", AclPermissions.Write),
        ("Readers", AclPermissions.Read),
    ];

    /// <summary>The policies of internal RBAC mode, by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Statement>> RbacPolicies { get; } = new Dictionary<string, IReadOnlyList<Statement>>
    {
        ["FSFullAccess"] = [Statement.Allowing(All, "fs:*")],
        ["FSReadWriteAll"] = [Statement.Allowing(All, ReadWriteActions)],
        ["FSReadAll"] = [Statement.Allowing(All, ReadActions)],
        ["RepoManagementFullAccess"] = [Statement.Allowing(All, "ci:*", "retention:*", "branches:*", "fs:ReadConfig")],
        ["RepoManagementReadAll"] = [Statement.Allowing(All, RepoManagementReadActions)],
        ["AuthFullAccess"] = [Statement.Allowing(All, "auth:*")],
        ["AuthManageOwnCredentials"] = [Statement.Allowing(OwnUserArn, OwnCredentialsActions)],
    };

    /// <summary>The groups of internal RBAC mode and the policies attached to each, in creation order.</summary>
    public static IReadOnlyList<(string Group, string[] Policies)> RbacGroups { get; } =
    [
        (AdminsGroup, ["FSFullAccess", "AuthFullAccess", "RepoManagementFullAccess"]),
        ("SuperUsers", ["FSFullAccess", "AuthManageOwnCredentials", "RepoManagementReadAll"]),
        ("Developers", ["FSReadWriteAll", "AuthManageOwnCredentials", "RepoManagementReadAll"]),
        ("Viewers", ["FSReadAll", "AuthManageOwnCredentials"]),
    ];

    /// <summary>The statements an ACL level grants (on all repositories).</summary>
    public static IReadOnlyList<Statement> ForAcl(string permission) => permission switch
    {
        AclPermissions.Admin => [Statement.Allowing(All, "fs:*", "auth:*", "ci:*", "retention:*", "branches:*")],
        AclPermissions.Super =>
        [
            Statement.Allowing(All, "fs:*"),
            Statement.Allowing(OwnUserArn, OwnCredentialsActions),
            Statement.Allowing(All, RepoManagementReadActions),
        ],
        AclPermissions.Write =>
        [
            Statement.Allowing(All, ReadWriteActions),
            Statement.Allowing(OwnUserArn, OwnCredentialsActions),
            Statement.Allowing(All, RepoManagementReadActions),
        ],
        AclPermissions.Read =>
        [
            Statement.Allowing(All, ReadActions),
            Statement.Allowing(All, "fs:ReadConfig"),
            Statement.Allowing(OwnUserArn, OwnCredentialsActions),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown ACL permission."),
    };
}
