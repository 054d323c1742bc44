using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>The admin's key, which the fuzzer authenticates with most of the time (so handlers run, not only the 401).</summary>
public sealed record FuzzCredentials(string AccessKeyId, string SecretAccessKey)
{
    public string BasicHeader => Basic(AccessKeyId, SecretAccessKey);

    public static string Basic(string accessKeyId, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(accessKeyId + ":" + secret));
}
