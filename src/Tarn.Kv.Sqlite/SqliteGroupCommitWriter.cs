using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Tarn.Kv.Sqlite;

/// <summary>
/// The single writer of a <see cref="SqliteKvStore"/>. Callers queue writes; one loop drains everything
/// pending, applies it in arrival order inside ONE transaction and commits once, so concurrent writers
/// share one fsync instead of paying one each. Each caller then gets its own result.
/// </summary>
/// <remarks>
/// Conditional writes are evaluated inside the batch transaction in arrival order, so an op sees every
/// op queued before it. If a batch fails (for example one value is too big for SQLite) the transaction
/// is rolled back and every op of the batch is re-run in a transaction of its own: ops that can succeed
/// still do, with their conditions evaluated afresh, and only the failing ones report the error.
/// Nothing is ever half-applied, because an op is acknowledged only after the commit that holds it.
/// </remarks>
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    // Bounds on one transaction, so a burst of large values does not build a giant WAL frame set.
    private const int MaxBatchOps = 1024;
    private const long MaxBatchBytes = 16L * 1024 * 1024;

    private readonly Channel<SqliteWriteOp> _queue =
        Channel.CreateUnbounded<SqliteWriteOp>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteWriteCommands _commands;
    private readonly Task _loop;

    /// <summary>Takes ownership of an open connection whose schema and pragmas are set.</summary>
    public SqliteGroupCommitWriter(SqliteConnection connection)
    {
        _connection = connection;
        _commands = new SqliteWriteCommands(connection);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues an op; false once the writer is shutting down.</summary>
    public bool TryEnqueue(SqliteWriteOp op) => _queue.Writer.TryWrite(op);

    /// <summary>Stops accepting writes, finishes every queued one, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _commands.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteOp>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            long bytes = 0;
            while (batch.Count < MaxBatchOps && bytes < MaxBatchBytes && _queue.Reader.TryRead(out var op))
            {
                if (op.TryClaim())
                {
                    batch.Add(op);
                    bytes += op.Size;
                }
            }

            if (batch.Count > 0)
            {
                ApplyBatch(batch);
            }
        }
    }

    private void ApplyBatch(List<SqliteWriteOp> batch)
    {
        bool[] results;
        try
        {
            results = ApplyInOneTransaction(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad op must not fail its neighbours: the rollback undid the whole batch, so re-run
            // each op alone, in the same order, and let each caller see its own outcome.
            foreach (var op in batch)
            {
                ApplyAlone(op);
            }

            return;
        }
        catch (Exception exception)
        {
            batch[0].Fail(exception);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(results[i]);
        }
    }

    private void ApplyAlone(SqliteWriteOp op)
    {
        try
        {
            op.Complete(ApplyInOneTransaction([op])[0]);
        }
        catch (Exception exception)
        {
            op.Fail(exception);
        }
    }

    private bool[] ApplyInOneTransaction(IReadOnlyList<SqliteWriteOp> ops)
    {
        // BeginTransaction() issues BEGIN IMMEDIATE: the write lock is taken up front. Disposing an
        // uncommitted transaction rolls it back.
        using var transaction = _connection.BeginTransaction();
        var results = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            results[i] = _commands.Execute(ops[i], transaction);
        }

        transaction.Commit();
        return results;
    }
}
