namespace Tarn.Load.Scenarios;

/// <summary>A scenario's default sizes (used where a flag is not given).</summary>
/// <param name="Amount">Timed operations.</param>
/// <param name="Parallelism">Concurrent workers.</param>
/// <param name="ObjectSize">Bytes per object written or read.</param>
/// <param name="RepoSize">Objects prepared before timing (where the scenario prepares a data set).</param>
internal sealed record ScenarioSizes(long Amount, int Parallelism, long ObjectSize, int RepoSize);
