using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Objects;
using Tarn.Core;

namespace Tarn.Api.Tests.Objects;

public sealed class UploadBodyReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData("application/octet-stream", "application/octet-stream")]
    [InlineData("text/csv; charset=utf-8", "text/csv; charset=utf-8")]
    [InlineData("multipart/mixed; boundary=x", "multipart/mixed; boundary=x")]
    [InlineData("multipart/form-dataX", "multipart/form-dataX")]
    public async Task A_body_that_is_not_a_form_is_the_data_itself(string? contentType, string stored)
    {
        var request = Request(contentType, new MemoryStream("hello"u8.ToArray()), contentLength: 5);

        var upload = await UploadBodyReader.OpenAsync(request, Token);

        Assert.Same(request.Body, upload.Content);
        Assert.Equal(stored, upload.ContentType);
        Assert.Equal(5, upload.Length);
    }

    [Fact]
    public async Task A_form_contributes_its_first_content_part_and_that_part_s_type()
    {
        using var form = new MultipartFormDataContent("tarn-boundary");
        form.Add(new StringContent("not the data"), "comment");
        form.Add(Part("first", "text/csv"), "content", "a.csv");
        form.Add(Part("second", "text/plain"), "content", "b.txt");

        var upload = await UploadBodyReader.OpenAsync(await RequestAsync(form), Token);

        Assert.Equal("first", await ReadAllTextAsync(upload.Content));
        Assert.Equal("text/csv", upload.ContentType);
        Assert.Null(upload.Length);
    }

    [Fact]
    public async Task A_content_part_without_a_type_is_stored_as_octet_stream()
    {
        using var form = new MultipartFormDataContent("b");
        var part = new ByteArrayContent("x"u8.ToArray());
        form.Add(part, "content", "x.bin");

        var upload = await UploadBodyReader.OpenAsync(await RequestAsync(form), Token);

        Assert.Equal("application/octet-stream", upload.ContentType);
        Assert.Equal("x", await ReadAllTextAsync(upload.Content));
    }

    [Fact]
    public async Task A_form_without_a_content_part_is_a_400()
    {
        using var form = new MultipartFormDataContent("b");
        form.Add(new StringContent("data"), "file");

        var error = await Assert.ThrowsAsync<TarnException>(async () => await UploadBodyReader.OpenAsync(await RequestAsync(form), Token));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(UploadBodyReader.MissingContentPartMessage, error.Message);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; charset=utf-8")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    public async Task A_form_without_a_boundary_is_a_400(string contentType)
    {
        var error = await Assert.ThrowsAsync<TarnException>(() => UploadBodyReader.OpenAsync(Request(contentType, new MemoryStream()), Token));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task A_body_that_is_not_the_form_it_claims_to_be_is_a_400()
    {
        var body = new MemoryStream("just some bytes, no boundary anywhere"u8.ToArray());

        var error = await Assert.ThrowsAsync<TarnException>(() => UploadBodyReader.OpenAsync(Request("multipart/form-data; boundary=zzz", body), Token));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("malformed multipart/form-data body", error.Message, StringComparison.Ordinal);
    }

    private static ByteArrayContent Part(string text, string contentType)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return part;
    }

    private static async Task<HttpRequest> RequestAsync(MultipartFormDataContent form)
    {
        var body = new MemoryStream();
        await form.CopyToAsync(body, Token);
        body.Position = 0;
        return Request(form.Headers.ContentType!.ToString(), body);
    }

    private static HttpRequest Request(string? contentType, Stream body, long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        return context.Request;
    }

    private static async Task<string> ReadAllTextAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync(Token);
    }
}
