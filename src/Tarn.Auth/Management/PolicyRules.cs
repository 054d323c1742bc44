using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>
/// Validation of policy statements on write: effect <c>allow</c>/<c>deny</c>; actions <c>service:rest</c>
/// with exactly one colon and a known service (the rest may hold wildcards, or be empty as lakeFS allows);
/// resource <c>*</c> or an ARN with at least five colons.
/// </summary>
public static class PolicyRules
{
    /// <summary>The services an action may name.</summary>
    public static IReadOnlySet<string> Services { get; } = new HashSet<string>(StringComparer.Ordinal) { "fs", "auth", "ci", "retention", "branches" };

    public static void ValidateStatements(IReadOnlyList<Statement>? statements)
    {
        if (statements is null || statements.Count == 0)
        {
            throw TarnException.Invalid("a policy needs at least one statement");
        }

        foreach (var statement in statements)
        {
            Validate(statement);
        }
    }

    private static void Validate(Statement? statement)
    {
        if (statement is null)
        {
            throw TarnException.Invalid("a policy statement is missing: validation error");
        }

        if (statement.Effect is not (Statement.Allow or Statement.Deny))
        {
            throw TarnException.Invalid($"effect '{statement.Effect}': validation error");
        }

        if (statement.Action is null || statement.Action.Count == 0)
        {
            throw TarnException.Invalid("a policy statement needs at least one action");
        }

        foreach (var action in statement.Action)
        {
            var parts = (action ?? "").Split(':');
            if (parts.Length != 2)
            {
                throw TarnException.Invalid($"{action}: invalid action");
            }

            if (!Services.Contains(parts[0]))
            {
                throw TarnException.Invalid($"{action}: invalid service name");
            }
        }

        var resource = statement.Resource ?? "";
        if (resource != "*" && !(resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Count(c => c == ':') >= 5))
        {
            throw TarnException.Invalid($"resource '{resource}': validation error");
        }
    }
}
