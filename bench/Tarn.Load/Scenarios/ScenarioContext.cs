using Tarn.Load.Api;

namespace Tarn.Load.Scenarios;

/// <summary>What a scenario works with: the server, a fresh repository name, and the resolved sizes.</summary>
internal sealed record ScenarioContext(
    LakeFsClient Api,
    ServerEndpoint Endpoint,
    string Repository,
    string StorageNamespace,
    long Amount,
    int Parallelism,
    long ObjectSize,
    int RepoSize,
    bool Pregenerated,
    TextWriter Progress);
