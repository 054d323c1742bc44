using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Sdk;

/// <summary>The AWS SDK for .NET signs, the gateway verifies: header signatures in every payload mode the SDK uses.</summary>
public sealed class SdkSigV4Tests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayServer Server => fixture.Server;

    [Fact]
    public async Task ListBuckets_authenticates_the_owner_of_the_access_key()
    {
        using var client = Server.CreateClient();

        var response = await client.ListBucketsAsync(Ct);

        Assert.Equal(GatewayServer.Username, Assert.Single(response.Buckets).BucketName);
    }

    [Fact]
    public async Task PutObject_with_the_sdk_defaults_round_trips_the_body()
    {
        using var client = Server.CreateClient();
        var body = "hello, gateway";

        var put = await client.PutObjectAsync(new PutObjectRequest { BucketName = "repo", Key = "main/defaults.txt", ContentBody = body }, Ct);
        using var get = await client.GetObjectAsync("repo", "main/defaults.txt", Ct);
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(body, await reader.ReadToEndAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
        var stored = Server.Store.Get("repo", "main/defaults.txt")!;
        Assert.Equal(body.Length, stored.ContentLength);
        Assert.Equal(GatewayServer.Username, stored.User);
        TestContext.Current.TestOutputHelper?.WriteLine($"SDK default payload mode over HTTP: {stored.PayloadHash}");
    }

    public static TheoryData<bool, bool, ChecksumAlgorithm?> PayloadModes() => new()
    {
        { false, false, null },
        { true, false, null },
        { true, false, ChecksumAlgorithm.CRC32 },
        { true, false, ChecksumAlgorithm.CRC32C },
        { true, false, ChecksumAlgorithm.SHA1 },
        { true, false, ChecksumAlgorithm.SHA256 },
        { true, false, ChecksumAlgorithm.CRC64NVME },
        { false, false, ChecksumAlgorithm.CRC32 },
        { true, true, ChecksumAlgorithm.CRC32 },
        { false, true, ChecksumAlgorithm.CRC32C },
        { true, true, null },
    };

    [Theory]
    [MemberData(nameof(PayloadModes))]
    public async Task PutObject_decodes_and_verifies_every_payload_mode(bool chunked, bool unsignedPayload, ChecksumAlgorithm? checksum)
    {
        // The SDK leaves payloads unsigned only over TLS.
        using var client = Server.CreateClient(https: unsignedPayload);
        var data = RandomBytes(300_000 + (chunked ? 7 : 3));
        var key = $"main/modes/{chunked}-{unsignedPayload}-{checksum}";
        var request = new PutObjectRequest
        {
            BucketName = "repo",
            Key = key,
            InputStream = new MemoryStream(data),
            UseChunkEncoding = chunked,
            DisablePayloadSigning = unsignedPayload,
        };
        if (checksum is { } algorithm)
        {
            request.ChecksumAlgorithm = algorithm;
        }

        await client.PutObjectAsync(request, Ct);

        var stored = Server.Store.Get("repo", key)!;
        Assert.Equal(data, stored.Data);
        Assert.Equal(data.Length, stored.ContentLength);
        TestContext.Current.TestOutputHelper?.WriteLine($"chunked={chunked} unsigned={unsignedPayload} checksum={checksum}: {stored.PayloadHash}");
    }

    [Fact]
    public async Task PutObject_with_signed_chunks_and_no_trailer_verifies_every_chunk()
    {
        using var client = Server.CreateClient(requestChecksums: false);
        var data = RandomBytes(1_000_000);

        await client.PutObjectAsync(new PutObjectRequest { BucketName = "repo", Key = "main/no-trailer", InputStream = new MemoryStream(data) }, Ct);

        var stored = Server.Store.Get("repo", "main/no-trailer")!;
        Assert.Equal("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", stored.PayloadHash);
        Assert.Equal(data, stored.Data);
    }

    [Theory]
    [InlineData(false, null, "XAmzContentSHA256Mismatch")]
    [InlineData(true, null, "SignatureDoesNotMatch")]
    [InlineData(true, "CRC32", "SignatureDoesNotMatch")]
    [InlineData(false, "CRC32", "XAmzContentSHA256Mismatch")]
    [InlineData(true, "CRC32", "BadDigest", true)]
    [InlineData(false, "SHA256", "BadDigest", true)]
    public async Task A_body_altered_after_signing_is_refused_and_not_recorded(bool chunked, string? checksum, string expectedCode, bool unsignedPayload = false)
    {
        var key = $"main/tampered/{chunked}-{checksum}-{unsignedPayload}";
        using var tampering = Server.CreateClient(httpClientFactory: new TamperingHttpClientFactory("tamper-me", "tamper-ME"), https: unsignedPayload);
        var request = new PutObjectRequest
        {
            BucketName = "repo",
            Key = key,
            ContentBody = "prefix " + "tamper-me" + new string('x', 1000),
            UseChunkEncoding = chunked,
            DisablePayloadSigning = unsignedPayload,
        };
        if (checksum is not null)
        {
            request.ChecksumAlgorithm = ChecksumAlgorithm.FindValue(checksum);
        }

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => tampering.PutObjectAsync(request, Ct));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Null(Server.Store.Get("repo", key));
    }

    [Fact]
    public async Task A_wrong_secret_gives_SignatureDoesNotMatch()
    {
        using var client = Server.CreateClient(secret: "not-the-secret-at-all-not-the-secret-at");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListBucketsAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task An_unknown_access_key_gives_InvalidAccessKeyId()
    {
        using var client = Server.CreateClient(accessKeyId: "AKIAUNKNOWNKEY000000");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListBucketsAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }

    [Fact]
    public async Task An_operation_error_reaches_the_sdk_as_its_s3_code()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync("repo", "main/never-written", Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task An_operation_without_implementation_answers_NotImplemented()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.DeleteObjectAsync("repo", "main/x", Ct));

        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Equal("NotImplemented", error.ErrorCode);
    }

    [Fact]
    public async Task A_request_from_a_skewed_clock_gives_RequestTimeTooSkewed()
    {
        using var client = Server.CreateClient();
        Server.Time.Offset = TimeSpan.FromMinutes(20);
        try
        {
            var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListBucketsAsync(Ct));
            Assert.Equal("RequestTimeTooSkewed", error.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        }
        finally
        {
            Server.Time.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Virtual_host_style_takes_the_bucket_from_the_host()
    {
        using var client = Server.CreateClient(virtualHost: true);

        await client.PutObjectAsync(new PutObjectRequest { BucketName = "vhrepo", Key = "main/dir/file.txt", ContentBody = "vh" }, Ct);
        using var get = await client.GetObjectAsync("vhrepo", "main/dir/file.txt", Ct);

        Assert.Equal("vh", Encoding.UTF8.GetString(Server.Store.Get("vhrepo", "main/dir/file.txt")!.Data));
        Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
    }

    internal static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }
}
