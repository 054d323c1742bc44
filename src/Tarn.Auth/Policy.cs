namespace Tarn.Auth;

/// <summary>
/// A named, ordered list of statements. <see cref="AclPermission"/> is set on the policies that group ACLs
/// manage (<c>ACL(_-_)&lt;group&gt;</c>): it records the ACL level the statements were generated from.
/// </summary>
public sealed record Policy(string Name, DateTimeOffset CreatedAt, IReadOnlyList<Statement> Statements, string? AclPermission = null);
