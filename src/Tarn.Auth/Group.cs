namespace Tarn.Auth;

/// <summary>A group; its name is also its API id.</summary>
public sealed record Group(string Name, DateTimeOffset CreatedAt);
