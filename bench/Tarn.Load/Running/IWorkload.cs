namespace Tarn.Load.Running;

/// <summary>Something the runner can time: a Tarn scenario or a baseline.</summary>
internal interface IWorkload : IAsyncDisposable
{
    /// <summary>Name in reports and the JSON file (<c>random-read</c>, <c>bare-get</c>, ...).</summary>
    string Name { get; }

    /// <summary>Payload bytes one operation moves, for MiB/s (0 when meaningless).</summary>
    long BytesPerOperation { get; }

    /// <summary>How many operations the setup prepared for (<see cref="long.MaxValue"/> when unlimited).</summary>
    long Capacity { get; }

    /// <summary>Untimed preparation: upload the data set, create branches, start a bare server.</summary>
    Task SetupAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Untimed work right before operation <paramref name="operation"/> (its wall time still counts in ops/s, its
    /// latency does not): lets a scenario time the step it is about, e.g. the commit after the upload.
    /// </summary>
    Task PrepareOperationAsync(long operation, int worker, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One timed operation. <paramref name="operation"/> is unique across the whole run (rounds included);
    /// <paramref name="worker"/> is in [0, parallelism). Throwing counts the operation as failed.
    /// </summary>
    Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken);
}
