using Tarn.Api.Contracts;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>Turns the auth domain's records into wire types (timestamps as Unix seconds).</summary>
internal static class AuthDtos
{
    public static User User(Tarn.Auth.User user) =>
        new(user.Username, user.CreatedAt.ToUnixTimeSeconds(), NullIfEmpty(user.FriendlyName), NullIfEmpty(user.Email));

    /// <summary>A group as lists and createGroup show it: <c>name</c> repeats the id.</summary>
    public static Group ListedGroup(Tarn.Auth.Group group) => new(group.Name, group.CreatedAt.ToUnixTimeSeconds(), group.Name);

    /// <summary>A group as getGroup shows it: lakeFS leaves <c>name</c> out there.</summary>
    public static Group Group(Tarn.Auth.Group group) => new(group.Name, group.CreatedAt.ToUnixTimeSeconds());

    public static Policy Policy(Tarn.Auth.Policy policy) => new()
    {
        Id = policy.Name,
        CreationDate = policy.CreatedAt.ToUnixTimeSeconds(),
        Statement = [.. policy.Statements.Select(s => new Statement { Effect = s.Effect, Resource = s.Resource, Action = s.Action })],
    };

    /// <summary>The statements of a policy body; a null element stays null for the domain's validation to reject.</summary>
    public static IReadOnlyList<Tarn.Auth.Statement> Statements(Policy policy) =>
        [.. policy.Statement.Select(s => s is null ? null! : new Tarn.Auth.Statement(s.Effect, s.Action, s.Resource))];

    public static Credentials Credentials(Tarn.Auth.Credential credential) =>
        new(credential.AccessKeyId, credential.CreatedAt.ToUnixTimeSeconds());

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
