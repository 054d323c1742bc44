namespace Tarn.Auth.Authorization;

/// <summary>
/// What an operation requires: one (action, resource) pair, or all / any of several. Build with
/// <see cref="Leaf"/>, <see cref="AllOf"/> and <see cref="AnyOf"/>.
/// </summary>
public abstract record PermissionTree
{
    private protected PermissionTree()
    {
    }

    /// <summary>The action (e.g. <c>fs:ReadObject</c>) on the resource ARN (or <c>*</c>).</summary>
    public static PermissionTree Leaf(string action, string resource) => new PermissionLeaf(action, resource);

    /// <summary>Every child is required. At least one child: an empty AND would grant vacuously.</summary>
    public static PermissionTree AllOf(params PermissionTree[] children) => new AllOfPermissions(Checked(children));

    /// <summary>One child suffices (unless another child is explicitly denied).</summary>
    public static PermissionTree AnyOf(params PermissionTree[] children) => new AnyOfPermissions(Checked(children));

    private static PermissionTree[] Checked(PermissionTree[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Length == 0 || children.Any(c => c is null))
        {
            throw new ArgumentException("A permission combination needs at least one child and no null children.", nameof(children));
        }

        return [.. children];
    }
}
