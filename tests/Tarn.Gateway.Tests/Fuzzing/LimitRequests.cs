namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Requests at and past HTTP's edges, signed correctly where they can be: a target or header beyond the
/// server's size limits, thousands of parameters or headers, control bytes in the target, absolute-form
/// targets, HTTP/1.0, a missing or doubled Host.
/// </summary>
internal static class LimitRequests
{
    public static (RawHttpRequest Request, string Name, bool Signed) Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var repo = "/" + FuzzTargets.FuzzRepository + "/main/";
        var port = c.Targets.Host.Split(':')[1];
        switch (c.Random.Next(11))
        {
            case 0:
                return (c.Request("GET", repo + new string('k', c.Pick<int>([8_000, 70_000]))), "long-target", true);
            case 1:
                {
                    var request = c.Request("GET", repo + "fuzz/x");
                    request.Headers.Add(("x-amz-meta-big", new string('v', c.Pick<int>([10_000, 100_000]))));
                    return (request, "long-header", true);
                }

            case 2:
                return (c.Request("GET", "/" + FuzzTargets.FuzzRepository + "?" + string.Join('&', Enumerable.Range(0, 5000).Select(i => $"p{i}={i}"))), "many-parameters", true);
            case 3:
                {
                    var request = c.Request("GET", repo + "fuzz/x");
                    request.Headers.AddRange(Enumerable.Range(0, 500).Select(i => ($"x-amz-meta-h{i}", "v")));
                    return (request, "many-headers", true);
                }

            case 4:
                return (c.Request("GET", repo + "fuzz/" + c.Pick<string>(["a\u0000b", "a b", "a\rb", "a\u007fb", "a\tb", "a#b", "\u00e9"])), "raw-bytes-in-target", false);
            case 5:
                return (c.Request("GET", $"http://{c.Targets.Host}{repo}fuzz/absolute"), "absolute-form", true);
            case 6:
                return (c.Request("GET", $"http://{FuzzTargets.SentinelRepository}.{RawTargetView.GatewayDomain}:{port}/main/x/..%2F..%2Fsentinel/keep.txt"), "absolute-form-other-host", true);
            case 7:
                {
                    var request = c.Request("GET", repo + "fuzz/x");
                    request.Headers.Clear();
                    return (request, "no-host", false);
                }

            case 8:
                {
                    var request = c.Request("GET", repo + "fuzz/x");
                    request.Headers.Add(("Host", $"{FuzzTargets.SentinelRepository}.{RawTargetView.GatewayDomain}:{port}"));
                    return (request, "two-hosts", false);
                }

            case 9:
                return (c.Request("GET", repo + "fuzz/x?" + new string('&', 3000) + "=" + new string('=', 3000)), "empty-parameters", true);
            default:
                return (c.Request("*", "*"), "asterisk", false);
        }
    }
}
