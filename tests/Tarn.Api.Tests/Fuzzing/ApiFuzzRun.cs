using System.Diagnostics;
using System.Net;
using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// One fuzz run against one server: rounds of one generated request per operation (in a seeded order),
/// each judged by the oracle; sentinels compared after every request that could have reached them and at
/// the end of every round; health checked at the end. Collects violations and known-open matches.
/// </summary>
public sealed class ApiFuzzRun(
    TarnTestServer server, FuzzCredentials admin, ServerLogCapture log, IReadOnlyList<OperationShape> operations,
    NotImplementedAllowList notImplemented, bool policyApiServed, FuzzSettings settings)
{
    private readonly List<Violation> _violations = [];
    private readonly List<(KnownOpenFinding Finding, Violation Violation)> _known = [];
    private readonly Dictionary<int, int> _statusCounts = [];
    private readonly HashSet<string> _succeeded = new(StringComparer.Ordinal);
    private readonly FuzzOracle _oracle = new(notImplemented);

    public IReadOnlyList<Violation> Violations => _violations;

    public IReadOnlyList<(KnownOpenFinding Finding, Violation Violation)> KnownOpen => _known;

    public int RequestsSent { get; private set; }

    /// <summary>The request that took longest to answer (a hint when a run is slow).</summary>
    public (FuzzRequest? Request, TimeSpan Elapsed) Slowest { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var http = server.CreateClient(admin.AccessKeyId, admin.SecretAccessKey);
        var world = new FuzzWorld();
        var playground = new FuzzPlayground(http, world, policyApiServed);
        var sentinels = new Sentinels(http, policyApiServed);
        await playground.PrepareAsync(admin, cancellationToken);
        await sentinels.EnsureAsync(cancellationToken);
        var snapshot = await sentinels.SnapshotAsync(cancellationToken);
        log.Drain();

        var random = new FuzzRandom(settings.Seed);
        var endpoint = new IPEndPoint(IPAddress.Parse(server.BaseAddress.Host), server.BaseAddress.Port);
        await using var client = new RawHttpClient(endpoint);
        var generator = new RequestGenerator(world, random, admin, client.Host);
        var probes = SentinelProbes.Build(admin);
        foreach (var probe in probes)
        {
            snapshot = await SendAsync(client, sentinels, snapshot, probe, cancellationToken);
        }

        var index = probes.Count;
        for (var round = 1; round <= settings.Rounds; round++)
        {
            await playground.RefreshAsync(cancellationToken);
            var order = operations.ToList();
            random.Shuffle(order);
            var firstOfRound = index + 1;
            foreach (var shape in order)
            {
                snapshot = await SendAsync(client, sentinels, snapshot, generator.Generate(shape, ++index), cancellationToken);
            }

            snapshot = await CompareSentinelsAsync(sentinels, snapshot, null, $"during round {round} (requests #{firstOfRound}-#{index})", cancellationToken);
        }

        RequestsSent = index;
        await CheckHealthAsync(http, cancellationToken);
        Elapsed = clock.Elapsed;
    }

    /// <summary>Sends one request, judges the exchange, and compares the sentinels when the request could have reached one.</summary>
    private async Task<IReadOnlyList<string>> SendAsync(
        RawHttpClient client, Sentinels sentinels, IReadOnlyList<string> snapshot, FuzzRequest request, CancellationToken cancellationToken)
    {
        var outcome = await client.SendAsync(request, FuzzSettings.RequestTimeout, cancellationToken);
        if (outcome.Response is null || outcome.Response.Status >= 500)
        {
            // Give the server a moment to log the exception behind the failure.
            await Task.Delay(50, cancellationToken);
        }

        var exchange = new FuzzExchange(request, outcome, log.Drain());
        Record(exchange, _oracle.Judge(exchange));
        return CouldHaveReachedSentinel(exchange)
            ? await CompareSentinelsAsync(sentinels, snapshot, exchange, $"after request #{request.Index}", cancellationToken)
            : snapshot;
    }

    /// <summary>Operations that never answered 2xx in this run (to see how deep the fuzz reached).</summary>
    public IEnumerable<string> NeverSucceeded => operations.Select(o => o.OperationId).Where(id => !_succeeded.Contains(id));

    public string StatusSummary => string.Join(", ", _statusCounts.OrderBy(kv => kv.Key).Select(kv => kv.Key == 0 ? $"no answer ×{kv.Value}" : $"{kv.Key} ×{kv.Value}"));

    private static bool CouldHaveReachedSentinel(FuzzExchange exchange) =>
        exchange.Outcome.ExtraResponse is not null
        || (exchange.Request.HasDotSegment && exchange.Outcome.Response is { Status: >= 200 and < 300 });

    private void Record(FuzzExchange exchange, IReadOnlyList<Violation> violations)
    {
        if (exchange.Outcome.Elapsed > Slowest.Elapsed)
        {
            Slowest = (exchange.Request, exchange.Outcome.Elapsed);
        }

        var status = exchange.Outcome.Response?.Status ?? 0;
        _statusCounts[status] = _statusCounts.GetValueOrDefault(status) + 1;
        if (status is >= 200 and < 300)
        {
            _succeeded.Add(exchange.Request.OperationId);
        }

        foreach (var violation in violations)
        {
            Add(violation);
        }
    }

    private void Add(Violation violation)
    {
        if (KnownOpenFindings.All.FirstOrDefault(k => k.Matches(violation)) is { } known)
        {
            _known.Add((known, violation));
        }
        else
        {
            _violations.Add(violation);
        }
    }

    /// <summary>
    /// Compares the sentinels with the last snapshot. A change is a violation (blamed on
    /// <paramref name="suspect"/> when one request is known to have caused it); the sentinels are then put
    /// back, so that one defect does not hide the next.
    /// </summary>
    private async Task<IReadOnlyList<string>> CompareSentinelsAsync(
        Sentinels sentinels, IReadOnlyList<string> before, FuzzExchange? suspect, string when, CancellationToken cancellationToken)
    {
        var now = await sentinels.SnapshotAsync(cancellationToken);
        if (Sentinels.Difference(before, now) is not { } difference)
        {
            return now;
        }

        Add(new Violation(ViolationKind.SentinelChanged, $"{when}: {difference}", suspect));
        await sentinels.EnsureAsync(cancellationToken);
        return await sentinels.SnapshotAsync(cancellationToken);
    }

    private async Task CheckHealthAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var health = await http.GetAsync("_health", cancellationToken);
            using var user = await http.GetAsync("api/v1/user", cancellationToken);
            if (health.StatusCode != HttpStatusCode.OK || user.StatusCode != HttpStatusCode.OK)
            {
                Add(new Violation(ViolationKind.Unhealthy, $"after the run: GET /_health {(int)health.StatusCode}, GET /api/v1/user {(int)user.StatusCode}", null));
            }
        }
        catch (HttpRequestException e)
        {
            Add(new Violation(ViolationKind.Unhealthy, "after the run the server does not answer: " + e.Message, null));
        }
    }
}
