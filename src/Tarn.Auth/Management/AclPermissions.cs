using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>The ACL levels of simplified mode (case-sensitive), from weakest to strongest.</summary>
public static class AclPermissions
{
    public const string Read = "Read";
    public const string Write = "Write";
    public const string Super = "Super";
    public const string Admin = "Admin";

    /// <summary>Prefix of the policy that carries a group's ACL: <c>ACL(_-_)&lt;group&gt;</c>.</summary>
    public const string PolicyPrefix = "ACL(_-_)";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Super, Admin];

    public static bool IsValid(string? permission) => permission is Read or Write or Super or Admin;

    public static string PolicyName(string group) => PolicyPrefix + group;

    /// <summary>400 <c>Bad ACL permission</c> unless the level is one of the four.</summary>
    public static void Validate(string? permission)
    {
        if (!IsValid(permission))
        {
            throw TarnException.Invalid($"Bad ACL permission '{permission}'");
        }
    }
}
