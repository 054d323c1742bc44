using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Judges one exchange by the rules every gateway answer must obey — (a) no 5xx but 501 NotImplemented,
/// (b) an answer in time on a connection that stays up, (c) nothing accepted without a valid proof of
/// identity, (d) S3 XML errors, (e) answers about exactly what the raw path names — plus a correctly
/// signed request never being SignatureDoesNotMatch. Pure: state probes and health checks are the runner's.
/// </summary>
internal static partial class FuzzOracle
{
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <param name="fuzzCase">The case as generated.</param>
    /// <param name="exchange">What happened on the socket.</param>
    /// <param name="sentinelETags">Checksums of the sentinel objects: no answer to a generated request may carry one.</param>
    public static List<Violation> Judge(FuzzCase fuzzCase, RawHttpExchange exchange, IReadOnlySet<string> sentinelETags)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(sentinelETags);
        var violations = new List<Violation>();
        if (fuzzCase.Request.HalfCloseAfterBody && exchange.Outcome is ExchangeOutcome.ClosedEarly or ExchangeOutcome.Reset)
        {
            // The request stopped short and shut its side: the server sees a client that went away and may
            // close without answering (a half-closed HTTP/1.1 connection is a closed one). Only the probes matter.
            return violations;
        }

        if (exchange.Outcome != ExchangeOutcome.Answered || exchange.Response is not { } response)
        {
            violations.Add(exchange.Outcome == ExchangeOutcome.TimedOut
                ? new Violation(ViolationKind.Hang, $"no complete answer within {(int)exchange.Elapsed.TotalSeconds} s: {exchange.Detail}")
                : new Violation(ViolationKind.ConnectionDropped, $"{exchange.Outcome}: {exchange.Detail}"));
            return violations;
        }

        var code = ErrorCode(response);
        var request = fuzzCase.Request;
        var view = RawTargetView.Of(request);
        CheckStatus(fuzzCase, response, code, violations);
        if (fuzzCase.Demand == Demand.Refusal && response.Status is >= 200 and < 400)
        {
            violations.Add(new Violation(ViolationKind.RefusalExpected, $"answered {response.Status} to a request that carries no valid signature"));
        }

        if (response.FromGateway && response.Status >= 400)
        {
            CheckErrorBody(request, view, response, violations);
        }

        CheckRouting(request, view, response, sentinelETags, violations);
        if (fuzzCase.SignedCorrectly && code == "SignatureDoesNotMatch")
        {
            violations.Add(new Violation(ViolationKind.CorrectSignatureRefused, "a request signed as the AWS documentation says was refused: " + Message(response)));
        }

        return violations;
    }

    /// <summary>The <c>Code</c> of an S3 XML error body (a document whose root is <c>Error</c>), or null.</summary>
    public static string? ErrorCode(RawHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var match = ErrorCodePattern().Match(response.BodyText);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Whether Kestrel itself refused the request before any application code ran (empty body, no request id).</summary>
    public static bool IsServerRefusal(RawHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return !response.FromGateway && response.Body.Length == 0 && response.Status is 400 or 411 or 413 or 414 or 431 or 505;
    }

    private static void CheckStatus(FuzzCase fuzzCase, RawHttpResponse response, string? code, List<Violation> violations)
    {
        if (response.Status < 500)
        {
            return;
        }

        var documented = (response.Status == 501 && code == "NotImplemented")
            // The throttle for failed signatures (503 SlowDown with Retry-After) is the documented answer to a key the fuzzer keeps failing.
            // (A HEAD answer carries no body, so no code.)
            || (response.Status == 503 && (code == "SlowDown" || (IsHead(fuzzCase.Request) && response.Body.Length == 0))
                && fuzzCase.Key?.Role == KeyRole.Attacker && response.Header("Retry-After") is not null);
        if (!documented)
        {
            violations.Add(new Violation(ViolationKind.ServerError, $"answered {response.Status} {code}: {Message(response)}"));
        }
    }

    private static void CheckErrorBody(RawHttpRequest request, RawTargetView? view, RawHttpResponse response, List<Violation> violations)
    {
        if (response.Body.Length == 0)
        {
            if (!IsHead(request) && !BareStatusAllowed(request, view, response.Status))
            {
                violations.Add(new Violation(ViolationKind.NotS3Error, $"{response.Status} with an empty body where an S3 XML error is due"));
            }

            return;
        }

        var text = response.BodyText;
        var contentType = response.Header("Content-Type") ?? "";
        if (!text.StartsWith(XmlDeclaration, StringComparison.Ordinal) || ErrorCode(response) is null || !text.TrimEnd().EndsWith("</Error>", StringComparison.Ordinal)
            || !(contentType.StartsWith("application/xml", StringComparison.Ordinal) || contentType.StartsWith("text/xml", StringComparison.Ordinal)))
        {
            violations.Add(new Violation(ViolationKind.NotS3Error, $"{response.Status} ({contentType}) is not an S3 XML error: {Wire.Escape(response.Body, 300)}"));
        }
    }

    // The gateway's documented bare answers: 404 for a target no operation serves, 405 for a browser-style POST on an object.
    private static bool BareStatusAllowed(RawHttpRequest request, RawTargetView? view, int status)
    {
        if (view is null)
        {
            return false;
        }

        var method = request.Method.ToUpperInvariant();
        var known = method is "GET" or "HEAD" or "PUT" or "POST" or "DELETE";
        return status switch
        {
            404 => view.Level == TargetLevel.Other || (view.Level == TargetLevel.Service && method != "GET") || !known,
            405 => view.Level == TargetLevel.Object && method == "POST"
                && !QueryNames(request).Any(n => n is "uploads" or "uploadId" or "select" or "restore"),
            _ => false,
        };
    }

    private static void CheckRouting(RawHttpRequest request, RawTargetView? view, RawHttpResponse response, IReadOnlySet<string> sentinelETags, List<Violation> violations)
    {
        if (response.Status is >= 200 and < 400 && response.Header("ETag") is { } eTag && sentinelETags.Contains(eTag.Trim('"')))
        {
            violations.Add(new Violation(ViolationKind.Misrouted, $"answered with a sentinel's ETag {eTag}, but the raw path names no sentinel"));
        }

        // Field values lose their surrounding whitespace on the way in (RFC 9110 §5.5): "AWS " arrives as "AWS".
        var authorization = (request.Header("Authorization") ?? "").Trim(' ', '\t');
        var signed = authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) || authorization.StartsWith("AWS ", StringComparison.Ordinal);
        if (!response.FromGateway)
        {
            if (signed && !IsServerRefusal(response))
            {
                violations.Add(new Violation(ViolationKind.Misrouted, $"a request with an AWS signature was answered outside the gateway ({response.Status})"));
            }

            var rawPath = request.RawPath;
            var apiPath = rawPath.StartsWith("/api/", StringComparison.Ordinal) || rawPath.StartsWith("/_health", StringComparison.Ordinal)
                || rawPath.StartsWith("/_tarn/", StringComparison.Ordinal);
            if (!apiPath && response.Status is >= 200 and < 400)
            {
                violations.Add(new Violation(ViolationKind.Misrouted,
                    $"the raw path names an S3 object but the API answered {response.Status}: {Wire.Escape(response.Body, 200)}"));
            }

            return;
        }

        if (view is null)
        {
            return;
        }

        var text = response.BodyText;
        if (ErrorCode(response) is not null)
        {
            Compare("Key", ElementText(text, "Key"), view.Level == TargetLevel.Object ? view.Path : null, violations);
            Compare("BucketName", ElementText(text, "BucketName"), string.IsNullOrEmpty(view.Repository) ? null : view.Repository, violations);
            if (view.Level == TargetLevel.Object)
            {
                Compare("Resource", ElementText(text, "Resource"), view.Ref + "@" + view.Repository, violations);
            }
        }
        else if (response.Status == 200 && text.StartsWith(XmlDeclaration, StringComparison.Ordinal) && RootElement(text) is { } root)
        {
            var expected = root switch
            {
                "ListAllMyBucketsResult" => TargetLevel.Service,
                "ListBucketResult" or "LocationConstraint" or "VersioningConfiguration" or "DeleteResult" or "ListMultipartUploadsResult" => TargetLevel.Bucket,
                _ => TargetLevel.Object,
            };
            // GetObjectVersioning answers <VersioningConfiguration> too, on an object.
            if (expected != view.Level && !(root == "VersioningConfiguration" && view.Level == TargetLevel.Object))
            {
                violations.Add(new Violation(ViolationKind.Misrouted, $"answered <{root}> but the raw path names the {view.Level} level"));
            }
        }
    }

    private static void Compare(string element, string? actual, string? expected, List<Violation> violations)
    {
        if (actual is not null && actual != expected)
        {
            violations.Add(new Violation(ViolationKind.Misrouted,
                $"the error names {element} \"{Wire.Escape(Wire.FromUtf8(actual), 300)}\" but the raw path names \"{Wire.Escape(Wire.FromUtf8(expected ?? "(none)"), 300)}\""));
        }
    }

    private static string? ElementText(string xml, string element)
    {
        var open = "<" + element + ">";
        var start = xml.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return xml.Contains("<" + element + "/>", StringComparison.Ordinal) ? "" : null;
        }

        var end = xml.IndexOf("</" + element + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : Unescape(xml[(start + open.Length)..end]);
    }

    private static string? RootElement(string xml)
    {
        var match = RootPattern().Match(xml, XmlDeclaration.Length);
        return match.Success ? match.Groups[1].Value : null;
    }

    // The five predefined entities and numeric character references, which is all an XML writer produces.
    private static string Unescape(string text) => CharacterReference().Replace(text, m => m.Groups[1].Value switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        var reference when reference.StartsWith("#x", StringComparison.Ordinal) => char.ConvertFromUtf32(int.Parse(reference[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        var reference => char.ConvertFromUtf32(int.Parse(reference[1..], CultureInfo.InvariantCulture)),
    });

    private static IEnumerable<string> QueryNames(RawHttpRequest request) =>
        request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Encoding.UTF8.GetString(SigV4Signer.Decode(p.Split('=')[0], plusAsSpace: true)));

    private static bool IsHead(RawHttpRequest request) => request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

    private static string Message(RawHttpResponse response) => Wire.Escape(response.Body, 400);

    [GeneratedRegex(@"\A<\?xml[^>]*\?>\s*<Error><Code>([^<]*)</Code>")]
    private static partial Regex ErrorCodePattern();

    [GeneratedRegex(@"\G\s*<([A-Za-z]+)")]
    private static partial Regex RootPattern();

    [GeneratedRegex("&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#[0-9]+);")]
    private static partial Regex CharacterReference();
}
