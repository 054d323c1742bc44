namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// <c>installation.*</c>: the admin created at boot (local or mem database only, when all three values are set)
/// and an optional fixed installation id.
/// </summary>
public sealed record InstallationSettings
{
    public string? UserName { get; init; }

    public SecretValue? AccessKeyId { get; init; }

    public SecretValue? SecretAccessKey { get; init; }

    public string? FixedId { get; init; }

    /// <summary>All three admin values are set, so boot-time setup can run.</summary>
    public bool HasAdmin => UserName is not null && AccessKeyId is not null && SecretAccessKey is not null;
}
