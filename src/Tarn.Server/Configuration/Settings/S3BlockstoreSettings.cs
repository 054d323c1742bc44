namespace Tarn.Server.Configuration.Settings;

/// <summary><c>blockstore.s3.*</c>. Without static <see cref="Credentials"/> the AWS SDK's default chain applies.</summary>
public sealed record S3BlockstoreSettings
{
    public required string Region { get; init; }

    /// <summary>Custom S3-compatible endpoint URL, e.g. MinIO.</summary>
    public string? Endpoint { get; init; }

    public required bool ForcePathStyle { get; init; }

    /// <summary>Named profile of the AWS shared configuration.</summary>
    public string? Profile { get; init; }

    /// <summary>Absolute path of an AWS shared credentials file.</summary>
    public string? CredentialsFile { get; init; }

    public S3Credentials? Credentials { get; init; }

    public required int MaxRetries { get; init; }

    public required bool DiscoverBucketRegion { get; init; }

    public required bool SkipVerifyCertificateTestOnly { get; init; }

    /// <summary>Server-side encryption of written objects, e.g. <c>aws:kms</c> or <c>AES256</c>.</summary>
    public string? ServerSideEncryption { get; init; }

    public string? ServerSideEncryptionKmsKeyId { get; init; }

    public required TimeSpan PreSignedExpiry { get; init; }

    public required bool DisablePreSigned { get; init; }

    public required bool DisablePreSignedUi { get; init; }

    public required bool DisablePreSignedMultipart { get; init; }

    public required bool ClientLogRequest { get; init; }

    public required bool ClientLogRetries { get; init; }

    /// <summary><c>web_identity.session_duration</c>; null leaves the SDK's default.</summary>
    public TimeSpan? WebIdentitySessionDuration { get; init; }

    public required TimeSpan WebIdentitySessionExpiryWindow { get; init; }
}
