using System.Text;
using Amazon.Runtime;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>
/// HTTP clients for the SDK that alter request bodies after the SDK has signed them: every occurrence of
/// <see cref="Original"/> becomes <see cref="Replacement"/> (same length, so framing stays intact).
/// </summary>
public sealed class TamperingHttpClientFactory(string original, string replacement) : HttpClientFactory
{
    public string Original { get; } = original;

    public string Replacement { get; } = replacement;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var transport = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        return new HttpClient(new TamperingHandler(Encoding.ASCII.GetBytes(Original), Encoding.ASCII.GetBytes(Replacement)) { InnerHandler = transport });
    }

    private sealed class TamperingHandler(byte[] original, byte[] replacement) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                var body = await content.ReadAsByteArrayAsync(cancellationToken);
                for (var i = 0; i + original.Length <= body.Length; i++)
                {
                    if (body.AsSpan(i, original.Length).SequenceEqual(original))
                    {
                        replacement.CopyTo(body, i);
                    }
                }

                var altered = new ByteArrayContent(body);
                foreach (var header in content.Headers)
                {
                    if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        altered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                request.Content = altered;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
