using System.Globalization;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>A request that would change or reveal guarded state if it were accepted, and the probes that would show it.</summary>
internal sealed record Refusable(RawHttpRequest Request, string Name, IReadOnlyList<StateProbe> Probes);

/// <summary>
/// The requests the attacker's broken signatures ride on: writes into <c>refused/</c>, deletes and overwrites of
/// canaries, parts, completions and aborts of guarded uploads, reads and listings.
/// </summary>
internal static class RefusableRequests
{
    public static Refusable Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var repo = "/" + FuzzTargets.FuzzRepository;
        var canary = c.Pick(c.Targets.Canaries);
        var upload = c.Pick(c.Targets.GuardedUploads);
        var uploadTarget = $"{repo}/main/{ObjectKeys.Encode(c.Random, upload.Path)}?uploadId={upload.UploadId}";
        switch (c.Random.Next(12))
        {
            case 0:
                {
                    var path = c.RefusedPath();
                    return new(Body(c.Request("PUT", $"{repo}/main/{path}"), c.Bytes(1024)), "put", [new ObjectAbsent(FuzzTargets.FuzzRepository, "main", path)]);
                }

            case 1:
                return new(c.Request("DELETE", $"{repo}/main/{canary.Path}"), "delete-canary", [Unchanged(canary)]);
            case 2:
                {
                    var canaries = Enumerable.Range(0, 3).Select(_ => c.Pick(c.Targets.Canaries)).Distinct().ToList();
                    var body = "<Delete>" + string.Concat(canaries.Select(k => $"<Object><Key>main/{k.Path}</Key></Object>")) + "</Delete>";
                    return new(Body(c.Request("POST", repo + "?delete"), Encoding.UTF8.GetBytes(body)), "delete-objects", [.. canaries.Select(Unchanged)]);
                }

            case 3:
                return new(c.Request("POST", $"{repo}/main/{FuzzTargets.RefusedPrefix}new-{c.Iteration}?uploads"), "create-upload", []);
            case 4:
                return new(Body(c.Request("PUT", uploadTarget + "&partNumber=" + c.Random.Next(1, 4).ToString(CultureInfo.InvariantCulture)), c.Bytes(1024)),
                    "upload-part", [new UploadUnchanged(upload)]);
            case 5:
                {
                    var body = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>";
                    return new(Body(c.Request("POST", uploadTarget), Encoding.UTF8.GetBytes(body)), "complete-upload",
                        [new UploadUnchanged(upload), new ObjectAbsent(FuzzTargets.FuzzRepository, "main", upload.Path)]);
                }

            case 6:
                return new(c.Request("DELETE", uploadTarget), "abort-upload", [new UploadUnchanged(upload)]);
            case 7:
                {
                    var path = c.RefusedPath();
                    var request = c.Request("PUT", $"{repo}/main/{path}");
                    request.Headers.Add(("x-amz-copy-source", $"{repo}/main/{canary.Path}"));
                    return new(request, "copy", [new ObjectAbsent(FuzzTargets.FuzzRepository, "main", path)]);
                }

            case 8:
                return new(c.Request(c.Pick<string>(["GET", "HEAD"]), $"{repo}/main/{canary.Path}"), "read-canary", []);
            case 9:
                return new(c.Request("GET", repo + "?list-type=2&prefix=main/"), "list", []);
            case 10:
                return new(Body(c.Request("PUT", $"{repo}/main/{canary.Path}"), c.Bytes(64)), "overwrite-canary", [Unchanged(canary)]);
            default:
                return new(c.Request("GET", "/"), "list-buckets", []);
        }
    }

    private static ObjectUnchanged Unchanged((string Path, string Checksum) canary) =>
        new(FuzzTargets.FuzzRepository, "main", canary.Path, canary.Checksum);

    private static RawHttpRequest Body(RawHttpRequest request, byte[] body)
    {
        request.Body = body;
        return request;
    }
}
