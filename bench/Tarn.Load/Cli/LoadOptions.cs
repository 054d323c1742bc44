using System.CommandLine;
using Tarn.Load.Scenarios;

namespace Tarn.Load.Cli;

/// <summary>The flags of a load run; unset sizes fall back to the scenario's defaults (normal or <c>--smoke</c>).</summary>
internal sealed class LoadOptions
{
    public Argument<string> Scenario { get; } = new Argument<string>("scenario")
    {
        Description = "What to measure: " + string.Join(", ", ScenarioCatalog.All.Select(scenario => scenario.Name)),
    }.AcceptOnlyFromAmong([.. ScenarioCatalog.All.Select(scenario => scenario.Name)]);

    public Option<long?> Amount { get; } = new("--amount", "-n") { Description = "Timed operations (default: per scenario)" };

    public Option<string?> Duration { get; } = new("--duration", "-d") { Description = "Time to run instead of an amount, e.g. 30s or 2m" };

    public Option<int?> Parallelism { get; } = new("--parallelism", "-p") { Description = "Concurrent workers (default: per scenario)" };

    public Option<string?> ObjectSize { get; } = new("--object-size") { Description = "Object size, e.g. 4KiB or 1GiB (default: 4KiB, 1GiB for big-*)" };

    public Option<int?> RepoSize { get; } = new("--repo-size") { Description = "Objects prepared before timing (default: per scenario)" };

    public Option<bool> Generate { get; } = new("--generate")
    {
        Description = "Write the repository's repo-size objects (data/00000000...) through the engine before the server starts, instead of uploading them (fast: for 1M+ objects)",
    };

    public Option<bool> WithBaseline { get; } = new("--with-baseline") { Description = "Also run the scenario's baselines, interleaved, and report ratios" };

    public Option<int?> Rounds { get; } = new("--rounds") { Description = "Interleaved rounds (default: 3 with baselines, 2 with --smoke, else 1)" };

    public Option<string?> Json { get; } = new("--json") { Description = "Write the result as JSON to this file" };

    public Option<bool> Smoke { get; } = new("--smoke") { Description = "Tiny default sizes: every scenario finishes in seconds (CI)" };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "Use this running server (e.g. http://127.0.0.1:8000) instead of starting one" };

    public Option<string?> AccessKeyId { get; } = new("--access-key-id") { Description = "Access key of an admin on --endpoint" };

    public Option<string?> SecretAccessKey { get; } = new("--secret-access-key") { Description = "Secret of that access key" };

    public Option<string?> StorageNamespace { get; } = new("--storage-namespace") { Description = "Storage namespace of the scenario's repository (default: local://tarn-load/<repository>)" };

    public Option<string?> ServerPath { get; } = new("--server-path") { Description = "The tarn executable to start (default: the src/Tarn.Server build output)" };

    public void AddTo(Command command)
    {
        command.Add(Scenario);
        foreach (var option in new Option[] { Amount, Duration, Parallelism, ObjectSize, RepoSize, Generate, WithBaseline, Rounds, Json, Smoke, Endpoint, AccessKeyId, SecretAccessKey, StorageNamespace, ServerPath })
        {
            command.Add(option);
        }
    }
}
