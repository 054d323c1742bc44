using System.Text;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations;

/// <summary>
/// The object named by <c>x-amz-copy-source</c> (docs/gateway.md, "Copying"): URL-decoded (used as sent when it
/// does not decode), an optional leading <c>/</c>, then <c>&lt;repo&gt;/&lt;ref&gt;/&lt;path&gt;</c> with three
/// non-empty parts. <c>?versionId=</c> suffixes are not understood (objects have no versions).
/// </summary>
public sealed record CopySource(string Repository, string Ref, string Path)
{
    /// <summary>The request header naming the source.</summary>
    public const string Header = "x-amz-copy-source";

    /// <summary>Parses the header; anything malformed is 400 <c>InvalidArgument</c>.</summary>
    public static CopySource Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            throw Invalid();
        }

        var text = S3UriEncoding.TryDecode(header, plusAsSpace: false, out var bytes) ? Encoding.UTF8.GetString(bytes) : header;
        if (text.StartsWith('/'))
        {
            text = text[1..];
        }

        var parts = text.Split('/', 3);
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            throw Invalid();
        }

        return new CopySource(parts[0], parts[1], parts[2]);
    }

    private static S3ErrorException Invalid() =>
        new(S3Errors.InvalidArgument, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey.");
}
