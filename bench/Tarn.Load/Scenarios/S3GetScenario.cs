using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Load.Api;
using Tarn.Load.Generation;

namespace Tarn.Load.Scenarios;

/// <summary>GetObject of a random object through the S3 gateway (AWS SDK), after the setup committed <c>repo-size</c> objects through the API.</summary>
internal sealed class S3GetScenario(ScenarioContext context) : ApiScenario(context)
{
    private readonly AmazonS3Client _s3 = S3ClientFactory.Create(context.Endpoint, context.Parallelism);

    public override string Name => "s3-get";

    public override long BytesPerOperation => Context.ObjectSize;

    public override async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Repository, Key = $"{MainBranch}/{PathOf(Random.Shared.Next(Context.RepoSize))}" };
        try
        {
            using var response = await _s3.GetObjectAsync(request, cancellationToken);
            var buffer = new byte[64 * 1024];
            long read = 0;
            int count;
            while ((count = await response.ResponseStream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                read += count;
            }

            if (read != Context.ObjectSize)
            {
                throw new InvalidDataException($"s3 GetObject: read {read} bytes, expected {Context.ObjectSize}");
            }
        }
        catch (AmazonS3Exception error)
        {
            throw new LoadRequestException("s3 GetObject", (int)error.StatusCode, $"{error.ErrorCode} {error.Message}");
        }
    }

    public override ValueTask DisposeAsync()
    {
        _s3.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override Task PrepareAsync(CancellationToken cancellationToken) => PrepareDataSetAsync(cancellationToken);

    private static string PathOf(int index) => GeneratedEntries.PathOf(index);
}
