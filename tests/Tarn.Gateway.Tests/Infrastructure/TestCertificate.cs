using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>A throw-away self-signed certificate for the test server's TLS listener.</summary>
public static class TestCertificate
{
    public static X509Certificate2 Create()
    {
        // ECDSA: generated in microseconds, where an RSA key takes a noticeable share of the suite.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a loadable form; a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
