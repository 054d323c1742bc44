namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>Presigned SigV4 URLs broken one way at a time: each <c>X-Amz-*</c> parameter missing, doubled or out of range; expired or not yet valid; the signature, method or host changed.</summary>
internal static partial class SignatureMutations
{
    private static readonly string[] BadExpiries = ["-1", "abc", "", "604801", "99999999999999999999", "1e3", "%2060", "%2B60", "0x10", "9223372036854775808"];

    private static string PresignedV4(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var original = request.Target;
        var expires = c.Pick<string>(["60", "3600", "604800"]);
        SigV4Signing Presign(DateTimeOffset time, string expiry)
        {
            request.Target = original;
            return SigV4Signer.Presign(request, key, time, expiry);
        }

        var signing = Presign(c.Now, expires);
        switch (c.Random.Next(15))
        {
            case 0:
                {
                    var name = c.Pick<string>(["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"]);
                    request.Target = RemoveParameter(request.Target, name);
                    return "missing-" + name;
                }

            case 1:
                request.Target = request.Target.Replace("X-Amz-Signature=", $"X-Amz-Signature={Flip(c, signing.Signature)}&X-Amz-Signature=", StringComparison.Ordinal);
                return "signature-twice-first-wrong";
            case 2:
                request.Target = request.Target.Replace("X-Amz-Date=", $"X-Amz-Date={SigV4Signer.AmzDate(c.Now.AddSeconds(-30))}&X-Amz-Date=", StringComparison.Ordinal);
                return "date-twice";
            case 3:
                request.Target = request.Target.Replace("X-Amz-Credential=", "X-Amz-Credential=AKIAUNKNOWN000000000%2F" + signing.Scope.Replace("/", "%2F", StringComparison.Ordinal) + "&X-Amz-Credential=", StringComparison.Ordinal);
                return "credential-twice-first-unknown";
            case 4:
                Presign(c.Now, c.Pick(BadExpiries));
                return "expires-out-of-range";
            case 5:
                Presign(c.Now.AddHours(1), expires);
                return "not-yet-valid";
            case 6:
                Presign(c.Now.AddHours(-2), "3600");
                return "expired";
            case 7:
                Presign(c.Now.AddSeconds(-5), "0");
                return "expired-zero-lifetime";
            case 8:
                request.Target = request.Target.Replace(signing.Signature, Flip(c, signing.Signature), StringComparison.Ordinal);
                return "flip-signature";
            case 9:
                request.Target = request.Target.Replace(signing.Signature, signing.Signature.ToUpperInvariant(), StringComparison.Ordinal);
                return "signature-upper-case";
            case 10:
                request.Target = request.Target.Replace("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=" + c.Pick<string>(["AWS4-HMAC-SHA1", "", "aws4-hmac-sha256"]), StringComparison.Ordinal);
                return "algorithm";
            case 11:
                request.Target = request.Target.Replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=" + c.Pick<string>(["x-amz-date", "", "host;host", "HOST"]), StringComparison.Ordinal);
                return "signed-headers";
            case 12:
                request.Method = request.Method == "GET" ? "DELETE" : "GET";
                return "method-changed-after-signing";
            case 13:
                // The edges of the calendar, signed: expired long ago, or valid only in the far future.
                Presign(c.Chance(50) ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue.AddSeconds(-1), "604800");
                return "date-at-the-edge-of-time";
            default:
                request.SetHeader("Host", "localhost:" + c.Targets.Host.Split(':')[1]);
                return "host-changed-after-signing";
        }
    }
}
