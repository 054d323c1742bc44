using Microsoft.AspNetCore.Http;
using Tarn.Blocks;
using Tarn.Blocks.Presign;

namespace Tarn.Api.Presign;

/// <summary>
/// Issues the presigned URLs of <c>presign=true</c> (getObject, statObject, listObjects, getPhysicalAddress) for
/// block stores Tarn serves itself: signed, expiring links to <see cref="PresignedUrlEndpoints"/> on this
/// server, rooted at the address the client used to reach the API.
/// </summary>
public sealed class ObjectPresigner
{
    /// <summary>How long an issued URL works: the 15 minutes lakeFS gives S3 presigned URLs by default.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly PresignedUrlSigner _signer;
    private readonly IBlockAdapter _blocks;

    public ObjectPresigner(PresignedUrlSigner signer, IBlockAdapter blocks)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(blocks);
        _signer = signer;
        _blocks = blocks;
    }

    /// <summary>
    /// An absolute URL allowing <paramref name="method"/> on the data at <paramref name="physicalAddress"/> (the
    /// fully qualified address clients see); 400 <c>operation not supported</c> when the store cannot presign.
    /// </summary>
    public PresignedLink Sign(HttpRequest request, PresignedMethod method, string physicalAddress)
    {
        ArgumentNullException.ThrowIfNull(request);
        PresignSupport.Require(_blocks);
        var url = _signer.Sign(method, physicalAddress, Lifetime);
        return new PresignedLink(url.Under($"{request.Scheme}://{request.Host}{request.PathBase}"), url.ExpiresAt);
    }
}
