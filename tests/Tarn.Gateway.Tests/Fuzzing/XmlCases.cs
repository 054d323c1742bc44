using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Correctly signed XML requests that must be refused as a whole: DeleteObjects whose DTD (entity expansion,
/// external entities) or malformed body names canaries, and completions of guarded uploads with bodies that
/// can never complete them (malformed, DTDs carrying the right parts, wrong ETags, no parts).
/// </summary>
internal static class XmlCases
{
    public static (RawHttpRequest Request, string Name, List<StateProbe> Probes) Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Chance(50))
        {
            var canary = c.Pick(c.Targets.Canaries);
            var key = "main/" + canary.Path;
            var (shape, body) = c.Random.Next(4) switch
            {
                0 => ("dtd-entity-key", $"<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY k \"{key}\">]><Delete><Object><Key>&k;</Key></Object></Delete>"),
                1 => ("dtd-parameter-entity", $"<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY % p \"<!ENTITY k '{key}'>\">%p;]><Delete><Object><Key>&k;</Key></Object></Delete>"),
                2 => ("dtd-external-subset", $"<?xml version=\"1.0\"?><!DOCTYPE Delete SYSTEM \"file:///etc/passwd\"><Delete><Object><Key>{key}</Key></Object></Delete>"),
                _ => ("unclosed", $"<Delete><Object><Key>{key}</Key></Object>"),
            };
            var request = c.Request("POST", $"/{FuzzTargets.FuzzRepository}?delete");
            request.Body = Encoding.UTF8.GetBytes(body);
            return (request, "delete-objects/" + shape, [new ObjectUnchanged(FuzzTargets.FuzzRepository, "main", canary.Path, canary.Checksum)]);
        }

        var upload = c.Pick(c.Targets.GuardedUploads);
        var part = $"<Part><PartNumber>1</PartNumber><ETag>{GuardedPartETag(upload)}</ETag></Part>";
        var (name, xml) = c.Random.Next(8) switch
        {
            0 => ("dtd-entity-parts", $"<?xml version=\"1.0\"?><!DOCTYPE C [<!ENTITY p \"{part.Replace("<", "&#60;", StringComparison.Ordinal)}\">]><CompleteMultipartUpload>&p;</CompleteMultipartUpload>"),
            1 => ("dtd-unused", $"<?xml version=\"1.0\"?><!DOCTYPE C [<!ENTITY x \"y\">]><CompleteMultipartUpload>{part}</CompleteMultipartUpload>"),
            2 => ("malformed", $"<CompleteMultipartUpload>{part}"),
            3 => ("no-parts", "<CompleteMultipartUpload/>"),
            4 => ("wrong-etag", "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>0123456789abcdef0123456789abcdef</ETag></Part></CompleteMultipartUpload>"),
            5 => ("part-number-zero", "<CompleteMultipartUpload><Part><PartNumber>0</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>"),
            6 => ("missing-part", "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>"),
            _ => ("text-outside", $"garbage{part}"),
        };
        var complete = c.Request("POST", $"/{FuzzTargets.FuzzRepository}/main/{upload.Path}?uploadId={upload.UploadId}");
        complete.Body = Encoding.UTF8.GetBytes(xml);
        return (complete, "complete-guarded/" + name,
            [new UploadUnchanged(upload), new ObjectAbsent(FuzzTargets.FuzzRepository, "main", upload.Path)]);
    }

    // The fingerprint is "number:etag" per part; the first part's ETag makes a body that a DTD-expanding reader would accept.
    private static string GuardedPartETag(GuardedUpload upload) => upload.PartsFingerprint.Split(';')[0].Split(':')[^1];
}
