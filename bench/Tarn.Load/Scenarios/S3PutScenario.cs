using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Load.Api;

namespace Tarn.Load.Scenarios;

/// <summary>PutObject of a new object to <c>main</c> through the S3 gateway (AWS SDK).</summary>
internal sealed class S3PutScenario(ScenarioContext context) : ApiScenario(context)
{
    private const long SharedBodyLimit = 1024 * 1024;
    private readonly AmazonS3Client _s3 = S3ClientFactory.Create(context.Endpoint, context.Parallelism);

    public override string Name => "s3-put";

    public override long BytesPerOperation => Context.ObjectSize;

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        await using var body = Context.ObjectSize <= SharedBodyLimit
            ? new MemoryStream(Payloads.Bytes(Context.ObjectSize), writable: false)
            : (Stream)new GeneratedStream(Context.ObjectSize);
        var request = new PutObjectRequest
        {
            BucketName = Repository,
            Key = $"{MainBranch}/s3-write/{operation:D10}",
            InputStream = body,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
        };
        request.Headers.ContentLength = Context.ObjectSize;
        try
        {
            await _s3.PutObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception error)
        {
            throw new LoadRequestException("s3 PutObject", (int)error.StatusCode, $"{error.ErrorCode} {error.Message}");
        }
    }

    public override ValueTask DisposeAsync()
    {
        _s3.Dispose();
        return ValueTask.CompletedTask;
    }
}
