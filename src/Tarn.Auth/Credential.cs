namespace Tarn.Auth;

/// <summary>An access key as read and list operations show it: never with its secret.</summary>
public sealed record Credential(string AccessKeyId, string Username, DateTimeOffset CreatedAt);
