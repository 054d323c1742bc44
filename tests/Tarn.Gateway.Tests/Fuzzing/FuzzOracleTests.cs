using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>The oracle can fail: each rule, fed a fake answer that breaks it, reports the violation (and a lawful answer none).</summary>
public sealed class FuzzOracleTests
{
    private static readonly FuzzKey Attacker = new("AKIAATTACKER", "secret", KeyRole.Attacker);
    private static readonly FuzzKey Writer = new("AKIAWRITER", "secret", KeyRole.Writer);
    private static readonly HashSet<string> NoSentinels = [];

    [Fact]
    public void An_accepted_bad_signature_is_a_violation()
    {
        var violations = Judge(BadSignature(), Answer(200, ""));

        Assert.Contains(violations, v => v.Kind == ViolationKind.RefusalExpected);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(206)]
    [InlineData(304)]
    [InlineData(307)]
    public void Any_success_or_redirect_to_a_bad_signature_is_a_violation(int status) =>
        Assert.Contains(Judge(BadSignature(), Answer(status, "")), v => v.Kind == ViolationKind.RefusalExpected);

    [Fact]
    public void A_refusal_of_a_bad_signature_is_lawful() =>
        Assert.Empty(Judge(BadSignature(), Answer(403, Error("SignatureDoesNotMatch", "refused/1", "fuzz-repo", "main@fuzz-repo"))));

    [Fact]
    public void A_500_is_a_violation() =>
        Assert.Contains(Judge(Writes(), Answer(500, Error("InternalError"))), v => v.Kind == ViolationKind.ServerError);

    [Fact]
    public void NotImplemented_is_the_one_lawful_5xx_and_SlowDown_only_for_a_key_the_fuzzer_throttles()
    {
        Assert.Empty(Judge(Writes(), Answer(501, Error("NotImplemented", "k", "fuzz-repo", "main@fuzz-repo"))));
        Assert.Empty(Judge(BadSignature(), Answer(503, Error("SlowDown", "refused/1", "fuzz-repo", "main@fuzz-repo"), ("Retry-After", "1"))));
        Assert.Contains(Judge(Writes(), Answer(503, Error("SlowDown", "k", "fuzz-repo", "main@fuzz-repo"), ("Retry-After", "1"))), v => v.Kind == ViolationKind.ServerError);
    }

    [Theory]
    [InlineData(nameof(ExchangeOutcome.Reset), nameof(ViolationKind.ConnectionDropped))]
    [InlineData(nameof(ExchangeOutcome.ClosedEarly), nameof(ViolationKind.ConnectionDropped))]
    [InlineData(nameof(ExchangeOutcome.Garbled), nameof(ViolationKind.ConnectionDropped))]
    [InlineData(nameof(ExchangeOutcome.TimedOut), nameof(ViolationKind.Hang))]
    public void A_connection_without_a_complete_answer_is_a_violation(string outcome, string kind) =>
        Assert.Equal([Enum.Parse<ViolationKind>(kind)],
            Judge(Writes(), new RawHttpExchange(Enum.Parse<ExchangeOutcome>(outcome), null, "fake", TimeSpan.FromSeconds(1))).Select(v => v.Kind));

    [Fact]
    public void A_gateway_error_that_is_not_S3_XML_is_a_violation()
    {
        Assert.Contains(Judge(Writes(), Answer(400, "{\"message\":\"bad\"}")), v => v.Kind == ViolationKind.NotS3Error);
        Assert.Contains(Judge(Writes(), Answer(400, "")), v => v.Kind == ViolationKind.NotS3Error);
    }

    [Fact]
    public void An_error_about_another_key_than_the_raw_path_names_is_a_violation()
    {
        // DELETE /fuzz-repo/main/dir/%2e%2e/keep.txt names the key "dir/../keep.txt"; an error about "keep.txt" was routed by a normalised path.
        var fuzzCase = Writes("DELETE", "/fuzz-repo/main/dir/%2e%2e/keep.txt");

        Assert.Contains(Judge(fuzzCase, Answer(404, Error("NoSuchKey", "keep.txt", "fuzz-repo", "main@fuzz-repo"))), v => v.Kind == ViolationKind.Misrouted);
        Assert.Empty(Judge(fuzzCase, Answer(404, Error("NoSuchKey", "dir/../keep.txt", "fuzz-repo", "main@fuzz-repo"))));
    }

    [Fact]
    public void A_bucket_answer_to_an_object_path_is_a_violation() =>
        Assert.Contains(Judge(Writes("GET", "/fuzz-repo/main/.."), Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult></ListBucketResult>")),
            v => v.Kind == ViolationKind.Misrouted);

    [Fact]
    public void An_answer_carrying_a_sentinels_ETag_is_a_violation() =>
        Assert.Contains(FuzzOracle.Judge(Writes(), Answer(200, "x", ("ETag", "\"abc\"")), new HashSet<string> { "abc" }), v => v.Kind == ViolationKind.Misrouted);

    [Fact]
    public void A_correct_signature_refused_as_SignatureDoesNotMatch_is_a_violation() =>
        Assert.Contains(Judge(Writes(), Answer(403, Error("SignatureDoesNotMatch", "k", "fuzz-repo", "main@fuzz-repo"))), v => v.Kind == ViolationKind.CorrectSignatureRefused);

    private static List<Violation> Judge(FuzzCase fuzzCase, RawHttpExchange exchange) => FuzzOracle.Judge(fuzzCase, exchange, NoSentinels);

    private static FuzzCase BadSignature() => new()
    {
        Iteration = 1,
        Family = CaseFamilies.Signature + "put/flip-signature",
        Request = Request("PUT", "/fuzz-repo/main/refused/1"),
        Key = Attacker,
        Demand = Demand.Refusal,
    };

    private static FuzzCase Writes(string method = "PUT", string target = "/fuzz-repo/main/k") => new()
    {
        Iteration = 1,
        Family = CaseFamilies.Writer + "put-object/sigv4-header",
        Request = Request(method, target),
        Key = Writer,
        SignedCorrectly = true,
    };

    private static RawHttpRequest Request(string method, string target) => new() { Method = method, Target = target, Headers = [("Host", "127.0.0.1:1")] };

    // An answer as the gateway gives it: with its request id.
    private static RawHttpExchange Answer(int status, string body, params (string, string)[] headers) =>
        new(ExchangeOutcome.Answered,
            new RawHttpResponse(status, [("X-Amz-Request-Id", "r"), ("Content-Type", "application/xml"), .. headers], Encoding.UTF8.GetBytes(body)),
            "", TimeSpan.FromMilliseconds(1));

    private static string Error(string code, string? key = null, string? bucket = null, string resource = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>m</Message>"
        + (key is null ? "" : $"<Key>{key}</Key>") + (bucket is null ? "" : $"<BucketName>{bucket}</BucketName>")
        + $"<Resource>{resource}</Resource><RequestId>r</RequestId><HostId>h</HostId></Error>";
}
