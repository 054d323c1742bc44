namespace Tarn.Load.Running;

/// <summary>How long one timed round of one workload lasts: a number of operations, or a duration (whichever ends first).</summary>
/// <param name="FirstOperation">Operation number of the round's first operation.</param>
/// <param name="Operations">Operations to run (may be cut short by <paramref name="Duration"/>).</param>
/// <param name="Duration">When set, the round stops starting operations after this long.</param>
/// <param name="Parallelism">Concurrent workers.</param>
internal sealed record RoundPlan(long FirstOperation, long Operations, TimeSpan? Duration, int Parallelism);
