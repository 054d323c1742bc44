using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The generator without a server: one seed gives one sequence of requests (so a printed seed replays a
/// run), a round reaches every operation of the document, and every mutation it claims to make is made.
/// </summary>
public sealed class RequestGeneratorTests
{
    private static readonly FuzzCredentials Admin = new("AKIAADMINADMINADMIN0", "secret");

    [Fact]
    public void The_same_seed_generates_the_same_requests()
    {
        var operations = Operations();

        var first = Generate(operations, seed: 1234, rounds: 3).Select(r => r.Describe() + Convert.ToBase64String(r.RawWire ?? r.Body ?? [])).ToList();
        var second = Generate(operations, seed: 1234, rounds: 3).Select(r => r.Describe() + Convert.ToBase64String(r.RawWire ?? r.Body ?? [])).ToList();
        var other = Generate(operations, seed: 4321, rounds: 3).Select(r => r.Describe() + Convert.ToBase64String(r.RawWire ?? r.Body ?? [])).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_round_sends_one_request_to_every_operation_of_the_document()
    {
        var operations = Operations();

        var round = Generate(operations, seed: 7, rounds: 1);

        Assert.Equal(116, operations.Count);
        Assert.Equal(operations.Select(o => o.OperationId).Order(), round.Select(r => r.OperationId).Order());
    }

    [Fact]
    public void Every_mutation_kind_is_produced_and_path_mutations_show_in_the_path()
    {
        var requests = Generate(Operations(), seed: 99, rounds: 60);

        var seen = requests.SelectMany(r => r.Mutations).ToHashSet();
        var neverMade = Enum.GetValues<MutationKind>().Where(kind => !seen.Contains(kind)).ToList();
        Assert.True(neverMade.Count == 0, "never made: " + string.Join(", ", neverMade));
        Assert.All(requests.Where(r => r.Has(MutationKind.PathDotSegment)), r => Assert.True(r.HasDotSegment, r.Describe()));
        Assert.Contains(requests, r => r.Target.StartsWith($"/api/v1/repositories/{SentinelNames.Repository}/branches/", StringComparison.Ordinal) && r.HasDotSegment);
    }

    [Fact]
    public void Requests_without_a_dot_segment_mutation_have_no_dot_segment_and_name_no_sentinel()
    {
        var requests = Generate(Operations(), seed: 5, rounds: 30).Where(r => !r.Has(MutationKind.PathDotSegment)).ToList();

        Assert.All(requests, r => Assert.False(r.HasDotSegment, r.Describe()));
        Assert.All(requests, r => Assert.DoesNotContain("sentinel-", r.Target, StringComparison.Ordinal));
    }

    private static List<OperationShape> Operations()
    {
        var spec = LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec());
        return spec.Operations.Select(o => OperationShape.Read(spec, o)).ToList();
    }

    private static List<FuzzRequest> Generate(IReadOnlyList<OperationShape> operations, int seed, int rounds)
    {
        var random = new FuzzRandom(seed);
        var generator = new RequestGenerator(new FuzzWorld(), random, Admin, "127.0.0.1:1");
        var requests = new List<FuzzRequest>();
        for (var round = 0; round < rounds; round++)
        {
            var order = operations.ToList();
            random.Shuffle(order);
            requests.AddRange(order.Select(o => generator.Generate(o, requests.Count + 1)));
        }

        return requests;
    }
}
