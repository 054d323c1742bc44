using Amazon.Runtime;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>HTTP clients for the SDK that accept the test server's self-signed certificate (loopback only).</summary>
public sealed class TrustingHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
}
