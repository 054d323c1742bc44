using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>SigV4 <c>Authorization</c> headers broken one way at a time: the signature, the fields, the algorithm, the credential scope, SignedHeaders, the date, and what the signature covers.</summary>
internal static partial class SignatureMutations
{
    private static readonly string[] Algorithms = ["AWS4-HMAC-SHA1", "AWS4-ECDSA-P256-SHA256", "aws4-hmac-sha256", "AWS4-HMAC-SHA256X", "AWS4", "AWS4-HMAC-SHA256\t"];

    private static string HeaderV4(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var options = new SigV4Options { Time = c.Now };
        var original = request.Clone();
        void Resign(SigV4Options with, FuzzKey? signer = null)
        {
            request.Headers.Clear();
            request.Headers.AddRange(original.Headers);
            request.Method = original.Method;
            request.Target = original.Target;
            SigV4Signer.SignHeader(request, signer ?? key, with);
        }

        var signing = SigV4Signer.SignHeader(request, key, options);
        var authorization = request.Header("Authorization")!;
        var signature = signing.Signature;
        string Set(string value, string name)
        {
            // A replacement that found nothing to replace would leave a valid request: break the signature instead.
            request.SetHeader("Authorization", value != authorization ? value : authorization.Replace(signature, Flip(c, signature), StringComparison.Ordinal));
            return name;
        }

        switch (c.Random.Next(34))
        {
            case 0: return Set(authorization.Replace(signature, Flip(c, signature), StringComparison.Ordinal), "flip-signature");
            case 1: return Set(authorization.Replace(signature, signature.ToUpperInvariant().Any(char.IsAsciiLetter) ? signature.ToUpperInvariant() : Flip(c, signature), StringComparison.Ordinal), "signature-upper-case");
            case 2: return Set(authorization.Replace(signature, signature[..63], StringComparison.Ordinal), "signature-short");
            case 3: return Set(authorization.Replace(signature, Flip(c, signature) + "0", StringComparison.Ordinal), "signature-long");
            case 4: return Set(authorization.Replace("Signature=" + signature, "Signature=", StringComparison.Ordinal), "signature-empty");
            case 5: return Set(authorization.Replace(signature, new string('a', 20_000), StringComparison.Ordinal), "signature-absurd");
            case 6: return Set(authorization.Replace(signature, signature[..10] + c.Pick<string>(["g", "\u00c3\u00a9", "\u00ff", " ", "%20"]) + signature[11..], StringComparison.Ordinal), "signature-not-hex");
            case 7: return Set(Without(authorization, "Credential="), "credential-missing");
            case 8: return Set(Without(authorization, "SignedHeaders="), "signed-headers-missing");
            case 9: return Set(Without(authorization, "Signature="), "signature-missing");
            case 10: return Set(authorization.Replace("Signature=", $"Signature={Flip(c, signature)}, Signature=", StringComparison.Ordinal), "signature-twice-first-wrong");
            case 11: return Set(authorization.Replace("Credential=", "credential=", StringComparison.Ordinal), "field-name-lower-case");
            case 12: return Set(c.Pick(Algorithms) + authorization[SigV4Signer.Algorithm.Length..], "algorithm");
            case 13:
                {
                    // The credential names yesterday while the request's own date is today: the two must agree.
                    var scopeDate = c.Now.AddDays(-1).UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                    return Set(authorization.Replace("/" + signing.Scope[..8] + "/", "/" + scopeDate + "/", StringComparison.Ordinal), "scope-date");
                }

            case 14: return Set(authorization.Replace("/us-east-1/", "/eu-west-1/", StringComparison.Ordinal), "scope-region");
            case 15: return Set(authorization.Replace("/s3/aws4_request", "/iam/aws4_request", StringComparison.Ordinal), "scope-service");
            case 16:
                return Set(authorization.Replace($"{key.AccessKeyId}/{signing.Scope}", c.Pick<string>(
                [
                    $"{key.AccessKeyId}/{signing.Scope[..8]}/us-east-1/s3", $"{key.AccessKeyId}/{signing.Scope}/extra", $"{key.AccessKeyId}/{signing.Scope[..8]}/us-east-1/s3/aws4_requesT",
                    $"{key.AccessKeyId}/{signing.Scope[..8]}//s3/aws4_request", $"{key.AccessKeyId}/{signing.Scope[1..]}", $"ab/{signing.Scope}", $"{key.AccessKeyId}:x/{signing.Scope}",
                    $"/{signing.Scope}", signing.Scope,
                ]), StringComparison.Ordinal), "scope-shape");
            case 17:
                Resign(options, key with { AccessKeyId = "AKIAUNKNOWN" + c.Random.Next(1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) });
                return "unknown-access-key";
            case 18:
                Resign(options, key with { SecretAccessKey = key.SecretAccessKey + "x" });
                return "wrong-secret";
            case 19: return Set(authorization.Replace("SignedHeaders=", "SignedHeaders=host;", StringComparison.Ordinal), "signed-headers-duplicated");
            case 20:
                request.SetHeader("x-amz-meta-ghost", "boo");
                original.Headers.Add(("x-amz-meta-ghost", "boo"));
                Resign(options);
                request.RemoveHeader("x-amz-meta-ghost");
                return "signed-header-absent";
            case 21:
                Resign(options with { SignedHeaders = ["x-amz-content-sha256", "x-amz-date"] });
                return "host-not-signed";
            case 22: return Set(authorization.Replace("SignedHeaders=", "SignedHeaders=x amz;", StringComparison.Ordinal), "signed-headers-bad-name");
            case 23:
                request.SetHeader("x-amz-date", SigV4Signer.AmzDate(c.Now.AddSeconds(1)));
                return "date-changed-after-signing";
            case 24:
                Resign(options with { Time = c.Now.AddMinutes(c.Chance(50) ? -20 : 20) });
                return "date-skewed";
            case 25:
                request.SetHeader("x-amz-date", c.Pick<string>(["garbage", "", "2024-01-01T00:00:00Z", c.Now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
                    "00010101T000000Z", "99991231T235959Z", "20241301T000000Z", "20240230T000000Z", "2024010T000000Z"]));
                return "date-malformed";
            case 26:
                request.RemoveHeader("x-amz-date");
                if (c.Chance(50))
                {
                    request.SetHeader("Date", c.Now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
                }

                return "date-missing";
            case 27:
                request.SetHeader("Host", "localhost:" + c.Targets.Host.Split(':')[1]);
                return "host-changed-after-signing";
            case 28:
                request.Method = request.Method == "DELETE" ? "PUT" : "DELETE";
                return "method-changed-after-signing";
            case 29:
                {
                    var changed = c.Random.Next(3) switch
                    {
                        0 => request.RawPath + "x" + Query(request),
                        1 => request.RawPath.Replace("/main/", "/main/" + c.Pick(DotSegments.Parents) + "/main/", StringComparison.Ordinal) + Query(request),
                        _ => request.RawPath.ToUpperInvariant() + Query(request),
                    };
                    request.Target = changed != request.Target ? changed : request.RawPath + "x" + Query(request);
                    return "path-changed-after-signing";
                }
            case 30:
                SigV4Signer.AppendQuery(request, c.Pick<string>(["uploads", "x=1", "delete", "versionId=1"]));
                return "query-added-after-signing";
            case 31:
                {
                    var sent = request.Header("x-amz-content-sha256");
                    request.SetHeader("x-amz-content-sha256", c.Pick<string>([SigV4Signer.UnsignedPayload, SigV4Signer.EmptySha256, SigV4Signer.StreamingUnsignedTrailer]) is var other && other != sent ? other : SigV4Signer.UnsignedPayload);
                    return "payload-hash-changed-after-signing";
                }
            case 32:
                request.Headers.Add(("Authorization", authorization.Replace(signature, Flip(c, signature), StringComparison.Ordinal)));
                return Set(authorization.Replace(signature, Flip(c, signature), StringComparison.Ordinal), "two-authorization-headers");
            default:
                return Set(authorization.Replace("Credential=", c.Pick<string>(["Credential=\u00c3\u0028", "Credential=\r\n ", "X=" + new string('x', 70_000) + ", Credential="]), StringComparison.Ordinal), "header-bytes");
        }
    }
}
