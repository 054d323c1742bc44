using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>What the gateway pipeline learned about a request, stored on the HttpContext as a feature.</summary>
internal sealed class S3RequestFeature(RawRequestTarget raw, S3Query query, S3Target target)
{
    public RawRequestTarget Raw { get; } = raw;

    public S3Query Query { get; } = query;

    public S3Target Target { get; } = target;

    /// <summary>Set by authentication.</summary>
    public S3Caller? Caller { get; set; }

    /// <summary>The object length of the (decoded) body, when known; set by authentication.</summary>
    public long? ContentLength { get; set; }
}
