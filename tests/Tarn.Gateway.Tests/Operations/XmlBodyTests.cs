using System.Diagnostics;
using System.Text;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>
/// The reader of DeleteObjects and CompleteMultipartUpload bodies. S3's request documents are three elements
/// deep; a body nested thousands deep is an attack on the reader (the gateway fuzzer found one that kept a
/// request busy for minutes), and is refused as malformed before it costs more than its length.
/// </summary>
public sealed class XmlBodyTests
{
    [Fact]
    public void A_body_nested_deeper_than_any_S3_document_is_malformed()
    {
        var body = Nested(depth: 100);

        var error = Assert.Throws<S3ErrorException>(() => XmlBody.Parse(body, S3Errors.MalformedXml, (_, _) => { }));

        Assert.Equal("MalformedXML", error.Error.Code);
    }

    [Fact]
    public void A_body_nested_a_hundred_thousand_deep_is_refused_in_linear_time()
    {
        var body = Nested(depth: 100_000);
        var clock = Stopwatch.StartNew();

        Assert.Throws<S3ErrorException>(() => XmlBody.Parse(body, S3Errors.BadRequest, (_, _) => { }, _ => { }));

        // Quadratic path building took minutes here; a linear reader takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_ordinary_delete_body_still_reports_its_keys_by_path()
    {
        var seen = new List<string>();

        XmlBody.Parse(Encoding.UTF8.GetBytes("<Delete><Object><Key>main/a</Key></Object><Quiet>true</Quiet></Delete>"), S3Errors.BadRequest,
            (path, text) => seen.Add(path + "=" + text));

        Assert.Equal(["Delete/Object/Key=main/a", "Delete/Quiet=true"], seen);
    }

    private static byte[] Nested(int depth)
    {
        var text = new StringBuilder("<Delete>");
        text.Insert(text.Length, "<a>", depth).Append("main/x");
        text.Insert(text.Length, "</a>", depth).Append("</Delete>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
