using System.Text;
using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The oracle must be able to fail: each rule is fed an answer that breaks it (a 500, a dropped connection, a
/// bare error body, a success for a dot-segment path, a 501 nobody documented, a smuggled second response)
/// and one that keeps it.
/// </summary>
public sealed class FuzzOracleTests
{
    private static readonly NotImplementedAllowList SimplifiedMode = new(new HashSet<string> { "dumpRefs" }, policyApiServed: false);

    [Fact]
    public void A_500_is_a_server_error()
    {
        var violations = Judge(Request("getBranch"), Answer(500, """{"message":"internal server error"}"""));

        Assert.Equal(ViolationKind.ServerError, Assert.Single(violations).Kind);
    }

    [Fact]
    public void A_connection_closed_or_reset_without_an_answer_is_a_failure()
    {
        var closed = new RawOutcome(null, "connection closed before any byte of a response", null, TimeSpan.Zero) { ClosedSilently = true };
        var reset = new RawOutcome(null, "connection reset by the server", null, TimeSpan.Zero);

        Assert.Equal(ViolationKind.ConnectionFailure, Assert.Single(Judge(Request("getBranch"), closed)).Kind);
        Assert.Equal(ViolationKind.ConnectionFailure, Assert.Single(Judge(Request("getBranch"), reset)).Kind);
    }

    [Fact]
    public void A_client_that_left_early_may_get_no_answer_but_not_a_hang()
    {
        var leaving = Request("createBranch") with { CloseAfterSending = true };
        var reset = new RawOutcome(null, "connection reset by the server", null, TimeSpan.Zero);
        var hang = new RawOutcome(null, "no complete response within 15 s", null, TimeSpan.FromSeconds(15)) { TimedOut = true };

        Assert.Empty(Judge(leaving, reset));
        Assert.Equal(ViolationKind.ConnectionFailure, Assert.Single(Judge(leaving, hang)).Kind);
    }

    [Theory]
    [InlineData("""{"error":"no message field"}""", true)]
    [InlineData("""{"message":42}""", true)]
    [InlineData("not json at all", true)]
    [InlineData("""{"message":"branch not found"}""", false)]
    public void A_json_4xx_must_carry_a_message(string body, bool violates)
    {
        var violations = Judge(Request("getBranch"), Answer(404, body));

        Assert.Equal(violates, violations.Any(v => v.Kind == ViolationKind.ErrorBodyShape));
    }

    [Fact]
    public void A_4xx_that_is_not_json_needs_no_message()
    {
        Assert.Empty(Judge(Request("getBranch"), Answer(431, "", contentType: null)));
    }

    [Theory]
    [InlineData("/api/v1/repositories/r/branches/%2e%2e", true)]
    [InlineData("/api/v1/repositories/r/branches/..", true)]
    [InlineData("/api/v1/repositories/r/branches/.%2E", true)]
    [InlineData("/api/v1/repositories/r/branches/.", true)]
    [InlineData("http://127.0.0.1:8000/api/v1/repositories/r/branches/%2E%2e", true)]
    [InlineData("/api/v1/repositories/r/branches/a..b", false)]
    [InlineData("http://127.0.0.1:8000/api/v1/repositories/r/branches/main", false)]
    [InlineData("/api/v1/repositories/r/branches/main?path=..", false)]
    public void A_success_for_a_path_with_a_dot_segment_is_a_violation(string target, bool violates)
    {
        var violations = Judge(Request("deleteBranch") with { Target = target }, Answer(204, ""));

        Assert.Equal(violates, violations.Any(v => v.Kind == ViolationKind.DotSegmentSuccess));
    }

    [Fact]
    public void Only_documented_501s_pass()
    {
        var notImplemented = Answer(501, """{"message":"not implemented"}""");
        var policyGate = Answer(501, """{"message":"Not implemented"}""");

        Assert.Empty(Judge(Request("dumpRefs"), notImplemented));
        Assert.Equal(ViolationKind.ServerError, Assert.Single(Judge(Request("getBranch"), notImplemented)).Kind);
        Assert.Empty(Judge(Request("createPolicy"), policyGate));
        Assert.Single(new FuzzOracle(new NotImplementedAllowList(new HashSet<string>(), policyApiServed: true)).Judge(Exchange(Request("createPolicy"), policyGate)));
        Assert.Empty(Judge(Request("createUser") with { Body = """{"id":"a@b.c","invite_user":true}"""u8.ToArray() }, policyGate));
        Assert.Single(Judge(Request("createUser") with { Body = """{"id":"a@b.c"}"""u8.ToArray() }, policyGate));
    }

    [Fact]
    public void A_second_response_to_one_request_is_a_smuggled_request()
    {
        var outcome = new RawOutcome(Answer(200, "{}").Response, null, "HTTP/1.1 204 No Content", TimeSpan.Zero);

        Assert.Equal(ViolationKind.ExtraResponse, Assert.Single(Judge(Request("getBranch"), outcome)).Kind);
    }

    [Fact]
    public void A_known_open_finding_matches_its_operation_mutation_and_kind_only()
    {
        var finding = new KnownOpenFinding("t", new HashSet<ViolationKind> { ViolationKind.ServerError }, new HashSet<MutationKind> { MutationKind.BodyInvalidUtf8Value }, new HashSet<string> { "createBranch" });
        Violation Of(string operation, MutationKind mutation, ViolationKind kind) =>
            new(kind, "", Exchange(Request(operation) with { Mutations = [mutation] }, Answer(500, "")));

        Assert.True(finding.Matches(Of("createBranch", MutationKind.BodyInvalidUtf8Value, ViolationKind.ServerError)));
        Assert.False(finding.Matches(Of("createTag", MutationKind.BodyInvalidUtf8Value, ViolationKind.ServerError)));
        Assert.False(finding.Matches(Of("createBranch", MutationKind.BodyTruncated, ViolationKind.ServerError)));
        Assert.False(finding.Matches(Of("createBranch", MutationKind.BodyInvalidUtf8Value, ViolationKind.ConnectionFailure)));
        Assert.False(finding.Matches(new Violation(ViolationKind.ServerError, "no request", null)));
    }

    [Fact]
    public void The_documented_501s_are_read_from_the_readme_table()
    {
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));

        var allowed = NotImplementedAllowList.FromReadme(readme, policyApiServed: false);

        Assert.Contains("dumpRefs", allowed.MissingOperations);
        Assert.Contains("listRepositoryRuns", allowed.MissingOperations);
        Assert.DoesNotContain("getRepository", allowed.MissingOperations);
        Assert.DoesNotContain("createPolicy", allowed.MissingOperations);
    }

    [Fact]
    public void A_changed_sentinel_read_is_a_difference()
    {
        IReadOnlyList<string> before = ["GET a -> 200 {}", "GET b -> 200 {\"x\":1}"];

        Assert.Null(Sentinels.Difference(before, ["GET a -> 200 {}", "GET b -> 200 {\"x\":1}"]));
        Assert.Contains("GET b -> 404", Sentinels.Difference(before, ["GET a -> 200 {}", "GET b -> 404 {}"]), StringComparison.Ordinal);
    }

    private static IReadOnlyList<Violation> Judge(FuzzRequest request, RawOutcome outcome) =>
        new FuzzOracle(SimplifiedMode).Judge(Exchange(request, outcome));

    private static FuzzExchange Exchange(FuzzRequest request, RawOutcome outcome) => new(request, outcome, []);

    private static FuzzRequest Request(string operationId) => new()
    {
        Index = 1,
        OperationId = operationId,
        Method = "GET",
        Target = "/api/v1/some/path",
    };

    private static RawOutcome Answer(int status, string body, string? contentType = "application/json; charset=utf-8")
    {
        var headers = contentType is null ? [] : new List<KeyValuePair<string, string>> { KeyValuePair.Create("Content-Type", contentType) };
        return new RawOutcome(new RawResponse(status, "", headers, Encoding.UTF8.GetBytes(body)), null, null, TimeSpan.Zero);
    }
}
