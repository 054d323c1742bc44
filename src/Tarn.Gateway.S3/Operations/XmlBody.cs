using System.Xml;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations;

/// <summary>
/// Reads the small XML request bodies (DeleteObjects, CompleteMultipartUpload) safely: bounded in size,
/// no DTDs, no external resolution. The whole body is read first so its digests are verified before any
/// of it is acted on.
/// </summary>
public static class XmlBody
{
    /// <summary>Upper bound of an XML body: 1000 keys of 1 KiB each, escaped, fit comfortably.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting read. S3's request documents are three elements deep; each element costs
    /// its depth to report (the path from the root), so unbounded nesting would make the work quadratic in the
    /// body's length (minutes for a few hundred kilobytes).
    /// </summary>
    public const int MaxDepth = 16;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    /// <summary>The body's bytes; more than <see cref="MaxBytes"/> is <paramref name="malformed"/>.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, S3Error malformed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(malformed);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new S3ErrorException(malformed.WithMessage("The XML body is too large."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Walks the document: <paramref name="onElement"/> gets the path of element names from the root
    /// (e.g. <c>Delete/Object/Key</c>, namespaces ignored) and the element's text, for elements holding text.
    /// Unparsable XML, and nesting deeper than <see cref="MaxDepth"/>, is <paramref name="malformed"/>.
    /// </summary>
    public static void Parse(byte[] body, S3Error malformed, Action<string, string> onElement, Action<string>? onElementEnd = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(malformed);
        ArgumentNullException.ThrowIfNull(onElement);
        var path = new List<string>();
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (path.Count == MaxDepth)
                        {
                            throw new S3ErrorException(malformed.WithMessage($"The XML body is nested deeper than {MaxDepth} elements."));
                        }

                        path.Add(reader.LocalName);
                        if (reader.IsEmptyElement)
                        {
                            onElement(string.Join('/', path), "");
                            onElementEnd?.Invoke(string.Join('/', path));
                            path.RemoveAt(path.Count - 1);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        onElement(string.Join('/', path), reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        onElementEnd?.Invoke(string.Join('/', path));
                        path.RemoveAt(path.Count - 1);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new S3ErrorException(malformed.WithMessage("The XML body is not well-formed: " + e.Message));
        }

        if (path.Count != 0)
        {
            throw new S3ErrorException(malformed);
        }
    }
}
