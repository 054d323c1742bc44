namespace Tarn.Auth;

/// <summary>What a caller supplies to create a user; everything but the name is optional.</summary>
public sealed record NewUser(
    string Username,
    string? FriendlyName = null,
    string? Email = null,
    string Source = User.InternalSource,
    string? ExternalId = null);
