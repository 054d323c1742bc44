namespace Tarn.Api.Contracts;

/// <summary>Body of <c>login</c>.</summary>
public sealed record LoginInformation
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }
}

/// <summary>Answer of <c>login</c>.</summary>
public sealed record AuthenticationToken(string Token, long? TokenExpiration);

/// <summary>Answer of <c>getAuthCapabilities</c>.</summary>
public sealed record AuthCapabilities(bool? InviteUser, bool? ForgotPassword);

/// <summary>Answer of <c>getCurrentUser</c>.</summary>
public sealed record CurrentUser(User User);

/// <summary>A user (schema <c>User</c>).</summary>
public sealed record User(string Id, long CreationDate, string? FriendlyName = null, string? Email = null);
