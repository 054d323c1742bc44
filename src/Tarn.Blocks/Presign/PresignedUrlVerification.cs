namespace Tarn.Blocks.Presign;

/// <summary>The result of <see cref="PresignedUrlSigner.Verify"/>.</summary>
/// <param name="Status">Whether the request may proceed.</param>
/// <param name="PhysicalAddress">The signed address; only set when <paramref name="Status"/> is <see cref="PresignedUrlStatus.Valid"/>.</param>
public sealed record PresignedUrlVerification(PresignedUrlStatus Status, string? PhysicalAddress = null)
{
    public bool IsValid => Status == PresignedUrlStatus.Valid;
}
