namespace Tarn.Auth.Authorization;

/// <summary>
/// Evaluates a permission tree against a user's policies. A leaf is <see cref="AuthorizationResult.Deny"/>
/// as soon as any matching deny statement is found (order does not matter), <see cref="AuthorizationResult.Allow"/>
/// if some allow statement matches, else <see cref="AuthorizationResult.Neutral"/>. AND returns its first
/// child result that is not Allow; OR is Deny if any child is, else Allow if any child is.
/// </summary>
public static class PolicyEvaluator
{
    public static AuthorizationResult Evaluate(PermissionTree permission, string username, IReadOnlyCollection<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(policies);
        return permission switch
        {
            PermissionLeaf leaf => EvaluateLeaf(leaf, username, policies),
            AllOfPermissions all => EvaluateAll(all, username, policies),
            AnyOfPermissions any => EvaluateAny(any, username, policies),
            _ => throw new ArgumentException($"Unknown permission node {permission.GetType().Name}.", nameof(permission)),
        };
    }

    private static AuthorizationResult EvaluateLeaf(PermissionLeaf leaf, string username, IReadOnlyCollection<Policy> policies)
    {
        var result = AuthorizationResult.Neutral;
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Statements)
            {
                if (!Arn.Matches(statement.Resource, leaf.Resource, username)
                    || !statement.Action.Any(pattern => Glob.IsMatch(pattern, leaf.Action)))
                {
                    continue;
                }

                if (statement.Effect == Statement.Deny)
                {
                    return AuthorizationResult.Deny;
                }

                if (statement.Effect == Statement.Allow)
                {
                    result = AuthorizationResult.Allow;
                }
            }
        }

        return result;
    }

    private static AuthorizationResult EvaluateAll(AllOfPermissions all, string username, IReadOnlyCollection<Policy> policies)
    {
        foreach (var child in all.Children)
        {
            var result = Evaluate(child, username, policies);
            if (result != AuthorizationResult.Allow)
            {
                return result;
            }
        }

        return AuthorizationResult.Allow;
    }

    private static AuthorizationResult EvaluateAny(AnyOfPermissions any, string username, IReadOnlyCollection<Policy> policies)
    {
        var allowed = false;
        foreach (var child in any.Children)
        {
            switch (Evaluate(child, username, policies))
            {
                case AuthorizationResult.Deny:
                    return AuthorizationResult.Deny;
                case AuthorizationResult.Allow:
                    allowed = true;
                    break;
            }
        }

        return allowed ? AuthorizationResult.Allow : AuthorizationResult.Neutral;
    }
}
