using System.Collections.Concurrent;

namespace Tarn.Kv.Sqlite;

/// <summary>
/// Read-only connections for concurrent readers (WAL lets them run beside the writer). Idle
/// connections are reused up to a limit; extra ones are opened on demand and closed when returned.
/// </summary>
internal sealed class SqliteReadPool : IDisposable
{
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly ConcurrentStack<SqliteReadConnection> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteReadPool(string path, int maxIdle)
    {
        _connectionString = SqliteSchema.ReaderConnectionString(path);
        _maxIdle = maxIdle;
    }

    public SqliteReadConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        return new SqliteReadConnection(_connectionString);
    }

    public void Return(SqliteReadConnection connection)
    {
        if (!_disposed)
        {
            if (Interlocked.Increment(ref _idleCount) <= _maxIdle)
            {
                _idle.Push(connection);
                if (_disposed)
                {
                    // Dispose ran while we were pushing: close what it may have missed.
                    CloseIdle();
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }
    }
}
