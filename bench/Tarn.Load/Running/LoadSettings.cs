using Tarn.Load.Api;
using Tarn.Load.Scenarios;

namespace Tarn.Load.Running;

/// <summary>One run as the command line resolved it (flags over the scenario's defaults).</summary>
internal sealed record LoadSettings(
    ScenarioDescriptor Scenario,
    long Amount,
    TimeSpan? Duration,
    int Parallelism,
    long ObjectSize,
    int RepoSize,
    bool WithBaseline,
    bool Generate,
    int Rounds,
    bool Smoke,
    string? JsonPath,
    ServerEndpoint? External,
    string? ServerPath,
    string? StorageNamespace);
