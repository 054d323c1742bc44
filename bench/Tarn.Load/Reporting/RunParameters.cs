namespace Tarn.Load.Reporting;

/// <summary>The sizes the run used.</summary>
internal sealed record RunParameters(long Amount, double? DurationSeconds, int Parallelism, long ObjectSize, int RepoSize, int Rounds, bool Smoke, bool Generated, string Endpoint);
