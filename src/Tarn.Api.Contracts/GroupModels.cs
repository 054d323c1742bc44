namespace Tarn.Api.Contracts;

/// <summary>A group (schema <c>Group</c>); lakeFS leaves <see cref="Name"/> out of <c>getGroup</c>.</summary>
public sealed record Group(string Id, long CreationDate, string? Name = null);

/// <summary>Answer of <c>listGroups</c> and <c>listUserGroups</c> (schema <c>GroupList</c>).</summary>
public sealed record GroupList(Pagination Pagination, IReadOnlyList<Group> Results);

/// <summary>Body of <c>createGroup</c> (schema <c>GroupCreation</c>).</summary>
public sealed record GroupCreation
{
    public required string Id { get; init; }
}
