using System.Text;
using Microsoft.Extensions.Logging;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Keeps the server's warnings and errors (with their exceptions) so a finding can show the stack trace the
/// server logged for it. Requests go one at a time, so what was logged since the last drain belongs to the
/// request just sent.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _captured = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <summary>What was logged since the last call, and forgets it.</summary>
    public string Drain()
    {
        lock (_lock)
        {
            var text = _captured.ToString();
            _captured.Clear();
            return text;
        }
    }

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        lock (_lock)
        {
            // A runaway logger must not eat the test's memory.
            if (_captured.Length < 256 * 1024)
            {
                _captured.Append(entry).Append('\n');
            }
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
