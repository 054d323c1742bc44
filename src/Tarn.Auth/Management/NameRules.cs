using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>
/// Validation of user, group and policy names. lakeFS rejects empty names and <c>/</c> (message ending in
/// <c>validation error</c>) and <c>%</c>; we also reject control characters everywhere, and <c>*</c> and
/// <c>?</c> in user names, because a user name is substituted into policy patterns as <c>${user}</c>.
/// </summary>
public static class NameRules
{
    public static void ValidateUsername(string? name) => Validate(name, "user", "User", "%*?");

    public static void ValidateGroupName(string? name) => Validate(name, "group", "Group", "%");

    public static void ValidatePolicyName(string? name) => Validate(name, "policy", "Policy", "%");

    private static void Validate(string? name, string kind, string label, string forbidden)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal))
        {
            throw TarnException.Invalid($"invalid {kind} name: validation error");
        }

        foreach (var c in forbidden)
        {
            if (name.Contains(c, StringComparison.Ordinal))
            {
                throw TarnException.Invalid($"{label} name cannot contain '{c}'");
            }
        }

        if (name.Any(char.IsControl))
        {
            throw TarnException.Invalid($"{label} name cannot contain control characters");
        }
    }
}
