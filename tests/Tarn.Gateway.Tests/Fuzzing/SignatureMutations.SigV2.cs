using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>SigV2 headers and presigned URLs (<c>AWSAccessKeyId</c>, <c>Signature</c>, <c>Expires</c>) broken one way at a time.</summary>
internal static partial class SignatureMutations
{
    private static string HeaderV2(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var original = request.Clone();
        void Resign(DateTimeOffset time, FuzzKey signer)
        {
            request.Headers.Clear();
            request.Headers.AddRange(original.Headers);
            SigV2Signer.SignHeader(request, signer, time);
        }

        var signature = SigV2Signer.SignHeader(request, key, c.Now);
        var authorization = request.Header("Authorization")!;
        switch (c.Random.Next(13))
        {
            case 0:
                request.SetHeader("Authorization", authorization.Replace(signature, FlipBase64(c, signature), StringComparison.Ordinal));
                return "flip-signature";
            case 1:
                Resign(c.Now, key with { SecretAccessKey = key.SecretAccessKey + "x" });
                return "wrong-secret";
            case 2:
                Resign(c.Now, key with { AccessKeyId = "AKIAUNKNOWNV2" + c.Random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture) });
                return "unknown-access-key";
            case 3:
                request.SetHeader("Authorization", c.Pick<string>([$"AWS {key.AccessKeyId}", $"AWS :{signature}", $"AWS {key.AccessKeyId}:", $"aws {key.AccessKeyId}:{signature}", $"AWS4 {key.AccessKeyId}:{signature}", "AWS ", $"AWS {key.AccessKeyId}:{signature}:x"]));
                return "shape";
            case 4:
                request.SetHeader("Authorization", $"AWS {key.AccessKeyId}:" + c.Pick<string>(["!!!!", new string('A', 10_000), "\u00ff\u00fe", "=", signature + "="]));
                return "signature-garbage";
            case 5:
                Resign(c.Now.AddMinutes(c.Chance(50) ? -20 : 20), key);
                return "date-skewed";
            case 6:
                request.SetHeader("Date", c.Now.AddSeconds(1).UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
                return "date-changed-after-signing";
            case 7:
                request.RemoveHeader("Date");
                return "date-missing";
            case 8:
                request.SetHeader("Date", c.Pick<string>(["garbage", "20240101T000000Z", "", "Mon, 99 Foo 2024 00:00:00 GMT",
                    "0001-01-01T00:00:00+14:00", "Fri, 31 Dec 9999 23:59:59 -1400", "9999-12-31T23:59:59-14:00", "1/1/0001 12:00:00 AM +14:00"]));
                return "date-malformed";
            case 9:
                request.SetHeader(c.Pick<string>(["Content-Type", "x-amz-meta-added", "Content-MD5"]), "changed");
                return "signed-header-changed-after-signing";
            case 10:
                {
                    // A sub-resource the request does not have yet (repeating one leaves the canonical resource as it was).
                    var present = request.RawQuery.Split('&').Select(p => p.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
                    SigV4Signer.AppendQuery(request, c.Pick(new[] { "acl", "uploadId=x", "partNumber=1", "delete", "versioning" }.Where(p => !present.Contains(p.Split('=')[0])).ToList()));
                    return "sub-resource-added-after-signing";
                }
            case 11:
                request.Target = request.RawPath + "x" + Query(request);
                return "path-changed-after-signing";
            default:
                request.Method = request.Method == "DELETE" ? "PUT" : "DELETE";
                return "method-changed-after-signing";
        }
    }


    private static string PresignedV2(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var original = request.Target;
        string Presign(string expires)
        {
            request.Target = original;
            return SigV2Signer.Presign(request, key, expires);
        }

        var valid = (c.Now.ToUnixTimeSeconds() + 600).ToString(CultureInfo.InvariantCulture);
        var signature = Presign(valid);
        switch (c.Random.Next(8))
        {
            case 0:
                request.Target = original + (original.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"AWSAccessKeyId={key.AccessKeyId}&Signature=&Expires=";
                return "signature-and-expires-empty";
            case 1:
                {
                    var name = c.Pick<string>(["AWSAccessKeyId", "Signature", "Expires"]);
                    request.Target = RemoveParameter(request.Target, name);
                    return "missing-" + name;
                }

            case 2:
                Presign((c.Now.ToUnixTimeSeconds() - 10).ToString(CultureInfo.InvariantCulture));
                return "expired";
            case 3:
                Presign(c.Pick<string>(["-5", "99999999999999999999", "soon", "", "1e10", "%2B600"]));
                return "expires-malformed";
            case 4:
                {
                    var encoded = SigV4Signer.Encode(System.Text.Encoding.ASCII.GetBytes(signature), keepSlash: false);
                    request.Target = request.Target.Replace("Signature=" + encoded, "Signature=" + SigV4Signer.Encode(System.Text.Encoding.ASCII.GetBytes(FlipBase64(c, signature)), keepSlash: false), StringComparison.Ordinal);
                    return "flip-signature";
                }

            case 5:
                request.Target = request.Target.Replace("Expires=" + valid, "Expires=" + (long.Parse(valid, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                return "expires-changed-after-signing";
            case 6:
                request.Target = request.RawPath + "x?" + request.RawQuery;
                return "path-changed-after-signing";
            default:
                request.Method = request.Method == "GET" ? "DELETE" : "GET";
                return "method-changed-after-signing";
        }
    }
}
