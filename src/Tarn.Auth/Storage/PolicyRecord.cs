namespace Tarn.Auth.Storage;

/// <summary>A stored policy.</summary>
internal sealed record PolicyRecord(string Name, string Uid, DateTimeOffset CreatedAt, IReadOnlyList<Statement> Statements, string? AclPermission)
{
    public Policy ToPolicy() => new(Name, CreatedAt, Statements, AclPermission);
}
