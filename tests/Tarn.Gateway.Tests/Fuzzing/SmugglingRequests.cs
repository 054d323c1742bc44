using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Refused requests on a kept-alive connection whose body holds a complete, correctly signed second request
/// (a DELETE of a canary): plainly, inside HTTP chunks, behind both Content-Length and Transfer-Encoding,
/// or after the end of an aws-chunked body. A body is never a request; if the canary goes, the server read
/// the body as the next request (request smuggling).
/// </summary>
internal static class SmugglingRequests
{
    public static (RawHttpRequest Request, string Name, List<StateProbe> Probes) Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var canary = c.Pick(c.Targets.Canaries);
        var inner = c.Request("DELETE", $"/{FuzzTargets.FuzzRepository}/main/{canary.Path}");
        SigV4Signer.SignHeader(inner, c.Targets.Writer, new SigV4Options { Time = c.Now });
        var smuggled = inner.ToBytes();
        var probes = new List<StateProbe> { new ObjectUnchanged(FuzzTargets.FuzzRepository, "main", canary.Path, canary.Checksum) };

        var outer = c.Request("PUT", $"/{FuzzTargets.FuzzRepository}/main/{c.RefusedPath()}");
        outer.Headers.Add(("Connection", "keep-alive"));
        outer.LingerAfterAnswer = TimeSpan.FromMilliseconds(100);
        string name;
        switch (c.Random.Next(4))
        {
            case 0:
                outer.Body = smuggled;
                name = "content-length";
                break;
            case 1:
                outer.OmitContentLength = true;
                outer.Headers.Add(("Transfer-Encoding", "chunked"));
                outer.Body = [.. Wire.Bytes(smuggled.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. smuggled, .. "\r\n0\r\n\r\n"u8.ToArray()];
                name = "chunked";
                break;
            case 2:
                // Both framings: a server must not pick Content-Length (0) and read the chunks as the next request.
                outer.Headers.Add(("Content-Length", "0"));
                outer.Headers.Add(("Transfer-Encoding", "chunked"));
                outer.Body = [.. Wire.Bytes(smuggled.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. smuggled, .. "\r\n0\r\n\r\n"u8.ToArray()];
                name = "content-length-and-chunked";
                break;
            default:
                {
                    // A correctly signed aws-chunked PUT whose HTTP body goes on after the aws-chunked end.
                    var path = $"{FuzzTargets.FuzzPrefix}smuggle-{c.Iteration}";
                    outer.Target = $"/{FuzzTargets.FuzzRepository}/main/{path}";
                    outer.Body = c.Bytes(100);
                    WriterSigning.Chunked(c, outer, c.Targets.Writer, SigV4Signer.StreamingSigned, trailer: false, body => body.Garbage = smuggled);
                    return (outer, "after-aws-chunked-end", probes);
                }
        }

        // The outer request itself is refused: an attacker's broken signature.
        var signing = SigV4Signer.SignHeader(outer, c.Pick(c.Targets.Attackers), new SigV4Options { Time = c.Now, PayloadHash = SigV4Signer.UnsignedPayload });
        outer.SetHeader("Authorization", outer.Header("Authorization")!.Replace(signing.Signature, SignatureMutations.Flip(c, signing.Signature), StringComparison.Ordinal));
        return (outer, name, probes);
    }
}
