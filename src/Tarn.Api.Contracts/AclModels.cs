namespace Tarn.Api.Contracts;

/// <summary>A group's ACL level (schema <c>ACL</c>): <c>Read</c>, <c>Write</c>, <c>Super</c> or <c>Admin</c>.</summary>
public sealed record Acl
{
    public required string Permission { get; init; }
}

/// <summary>
/// The 404 of <c>getGroupACL</c> (schema <c>ErrorNoACL</c>): <see cref="NoAcl"/> tells the web UI that the
/// group exists but its policies do not form an ACL.
/// </summary>
public sealed record ErrorNoAcl(string Message, bool? NoAcl);
