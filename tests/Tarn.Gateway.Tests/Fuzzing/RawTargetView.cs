namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>Which row of the gateway's operation table a target falls in (docs: lakeFS's S3 gateway, path and virtual-host style).</summary>
internal enum TargetLevel
{
    Service,
    Bucket,
    Object,
    Other,
}

/// <summary>
/// What a raw request target names — repository, ref and path — worked out by the fuzzer on its own from
/// the bytes it sent: percent-decoded once, strict UTF-8, split on <c>/</c> with nothing normalised; the
/// repository comes from the Host for <c>&lt;repo&gt;.s3.local.lakefs.io</c>. The routing oracle compares
/// the gateway's answers with this.
/// </summary>
internal sealed record RawTargetView(string? Repository, string? Ref, string? Path, bool VirtualHost)
{
    public const string GatewayDomain = "s3.local.lakefs.io";

    public TargetLevel Level =>
        string.IsNullOrEmpty(Repository) ? TargetLevel.Service
        : string.IsNullOrEmpty(Ref) && string.IsNullOrEmpty(Path) ? TargetLevel.Bucket
        : !string.IsNullOrEmpty(Ref) && !string.IsNullOrEmpty(Path) ? TargetLevel.Object
        : TargetLevel.Other;

    /// <summary>The view of a request, or null when its path does not decode to UTF-8 (the gateway refuses those).</summary>
    public static RawTargetView? Of(RawHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rawPath = request.RawPath;
        for (var i = rawPath.IndexOf('%', StringComparison.Ordinal); i >= 0; i = rawPath.IndexOf('%', i + 1))
        {
            if (i + 2 >= rawPath.Length || !char.IsAsciiHexDigit(rawPath[i + 1]) || !char.IsAsciiHexDigit(rawPath[i + 2]))
            {
                return null;
            }
        }

        var path = Wire.ToText(Wire.FromBytes(SigV4Signer.Decode(rawPath, plusAsSpace: false)));
        if (path is null)
        {
            return null;
        }

        path = path.StartsWith('/') ? path[1..] : path;
        var host = (request.Header("Host") ?? "").Split(':')[0];
        if (host.Length > GatewayDomain.Length + 1 && host.EndsWith("." + GatewayDomain, StringComparison.OrdinalIgnoreCase))
        {
            var parts = Split(path, 2);
            return new RawTargetView(host[..^(GatewayDomain.Length + 1)], parts[0], parts[1], VirtualHost: true);
        }

        var three = Split(path, 3);
        return new RawTargetView(three[0], three[1], three[2], VirtualHost: false);
    }

    private static string?[] Split(string path, int count)
    {
        var result = new string?[count];
        if (path.Length > 0)
        {
            var parts = path.Split('/', count);
            Array.Copy(parts, result, parts.Length);
        }

        return result;
    }
}
