using System.IO.Pipelines;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Objects;

namespace Tarn.Api.Tests.Objects;

/// <summary>
/// Upload bodies stream: reading a large form allocates a small, fixed amount. Allocation is counted
/// process-wide, so this runs alone (<see cref="AllocationMeasurement"/>), not beside other tests.
/// </summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class UploadStreamingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_64_MiB_form_upload_streams_through_in_small_memory()
    {
        const long Size = 64L * 1024 * 1024;
        using var form = new MultipartFormDataContent("big-upload");
        form.Add(new StringContent("metadata part first"), "note");
        var part = new StreamContent(new PatternStream(Size), 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/x-parquet");
        form.Add(part, "content", "big.parquet");

        // The form is produced into a pipe while it is read, as a socket would deliver it: the whole
        // body never exists in memory on either side.
        var pipe = new Pipe();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.Body = pipe.Reader.AsStream();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var writing = Task.Run(async () =>
        {
            await form.CopyToAsync(pipe.Writer.AsStream(), Token);
            await pipe.Writer.CompleteAsync();
        }, Token);

        var upload = await UploadBodyReader.OpenAsync(context.Request, Token);
        var buffer = new byte[64 * 1024];
        long received = 0;
        int read;
        while ((read = await upload.Content.ReadAsync(buffer, Token)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != PatternStream.At(received + i))
                {
                    Assert.Fail($"byte {received + i} is wrong");
                }
            }

            received += read;
        }

        await writing;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Size, received);
        Assert.Equal("application/x-parquet", upload.ContentType);
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated:N0} bytes while streaming {Size:N0}");
    }
}
