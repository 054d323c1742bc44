namespace Tarn.Kv.Sqlite;

/// <summary>
/// One write waiting for the group-commit loop. It owns copies of the caller's bytes (the caller may
/// reuse its buffers as soon as the call returns) and a completion the loop resolves after the commit.
/// </summary>
/// <remarks>
/// An op is either claimed by the loop or cancelled by its caller, never both: a cancelled op is
/// skipped without being applied, and a claimed op runs to the end, because reporting "cancelled" for
/// a write that is then committed would lie to the caller.
/// </remarks>
internal sealed class SqliteWriteOp
{
    private const int Pending = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Pending;

    public SqliteWriteOp(SqliteWriteKind kind, string partition, byte[] key, byte[] value, byte[] expected)
    {
        Kind = kind;
        Partition = partition;
        Key = key;
        Value = value;
        Expected = expected;
    }

    public SqliteWriteKind Kind { get; }

    public string Partition { get; }

    public byte[] Key { get; }

    public byte[] Value { get; }

    /// <summary>The value a <see cref="SqliteWriteKind.SetIfValue"/> requires; empty otherwise.</summary>
    public byte[] Expected { get; }

    /// <summary>Bytes this op adds to a transaction, used to bound the size of one batch.</summary>
    public long Size => Key.Length + (long)Value.Length + Expected.Length;

    /// <summary>True when the op was applied and, for conditional writes, its condition held.</summary>
    public Task<bool> Completion => _completion.Task;

    /// <summary>Called by the loop: true if the op is still wanted and now belongs to the loop.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Pending) == Pending;

    /// <summary>Called when the caller's token fires: releases the caller if the loop has not claimed the op.</summary>
    public void Cancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }

    public void Complete(bool result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
