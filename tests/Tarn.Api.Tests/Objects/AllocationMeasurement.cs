namespace Tarn.Api.Tests.Objects;

/// <summary>Tests that count allocated bytes with <see cref="GC.GetTotalAllocatedBytes(bool)"/> run in this collection, alone.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;
