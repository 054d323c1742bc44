using Amazon.Runtime;
using Amazon.S3;

namespace Tarn.Load.Api;

/// <summary>An AWS SDK S3 client for the server's gateway: path-style (bucket = repository, key = <c>ref/path</c>), no retries.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(ServerEndpoint endpoint, int parallelism)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.BaseAddress.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // A retried request would hide failures and blur latencies.
            MaxErrorRetry = 0,
            MaxConnectionsPerServer = Math.Max(1, parallelism),
            // Plain signed payloads, no trailing checksums: the cheapest upload the SDK can make.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(endpoint.AccessKeyId, endpoint.SecretAccessKey), config);
    }
}
