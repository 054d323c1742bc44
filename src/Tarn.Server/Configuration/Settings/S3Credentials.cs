namespace Tarn.Server.Configuration.Settings;

/// <summary>Static credentials of <c>blockstore.s3.credentials.*</c>; key id and secret are always both present.</summary>
public sealed record S3Credentials
{
    public required SecretValue AccessKeyId { get; init; }

    public required SecretValue SecretAccessKey { get; init; }

    public SecretValue? SessionToken { get; init; }
}
