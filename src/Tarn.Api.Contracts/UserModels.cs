namespace Tarn.Api.Contracts;

/// <summary>Answer of <c>listUsers</c> and <c>listGroupMembers</c> (schema <c>UserList</c>).</summary>
public sealed record UserList(Pagination Pagination, IReadOnlyList<User> Results);

/// <summary>Body of <c>createUser</c> (schema <c>UserCreation</c>).</summary>
public sealed record UserCreation
{
    public required string Id { get; init; }

    /// <summary>Ask to e-mail an invitation; Tarn cannot send one (501 when the id is an address).</summary>
    public bool? InviteUser { get; init; }
}
