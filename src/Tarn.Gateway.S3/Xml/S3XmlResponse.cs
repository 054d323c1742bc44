using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Tarn.Gateway.S3.Xml;

/// <summary>
/// Writes S3 XML bodies the way clients expect (docs/gateway.md, "XML responses"): the XML declaration, a newline, then
/// non-indented XML (indentation breaks some Java parsers), with <c>Content-Type</c> chosen from
/// <c>Accept</c> and an exact <c>Content-Length</c>.
/// </summary>
public static class S3XmlResponse
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(false),
        Async = true,
        // Keys may hold control characters; they are escaped as character references rather than refused.
        CheckCharacters = false,
        // A literal CR reaches an XML reader as LF (end-of-line handling), so a key "a\rb" would come back as
        // "a\nb": CRs are written as &#xD;, which readers keep. (The default rewrites them to line feeds.)
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Writes the document produced by <paramref name="write"/> with <paramref name="status"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var body = Render(write);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType(context.Request.Headers.Accept.ToString());
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>The bytes of a document: declaration, newline, non-indented XML.</summary>
    public static byte[] Render(Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetBytes(Declaration));
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The first of <c>application/xml</c>, <c>text/xml</c> named by <c>Accept</c>; <c>application/xml</c> otherwise.</summary>
    public static string ContentType(string accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var application = accept.IndexOf("application/xml", StringComparison.OrdinalIgnoreCase);
        var text = accept.IndexOf("text/xml", StringComparison.OrdinalIgnoreCase);
        return text >= 0 && (application < 0 || text < application) ? "text/xml" : "application/xml";
    }
}
