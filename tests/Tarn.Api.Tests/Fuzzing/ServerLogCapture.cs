using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Keeps the server's warnings and errors (with their exceptions) so a finding can show the stack trace
/// behind a 500 or a dropped connection. The fuzzer drains it after each request.
/// </summary>
public sealed class ServerLogCapture : ILoggerProvider
{
    private const int MaxKept = 200;
    private readonly ConcurrentQueue<string> _entries = new();

    public void Configure(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddProvider(this);
    }

    /// <summary>Everything logged since the last call.</summary>
    public IReadOnlyList<string> Drain()
    {
        var result = new List<string>();
        while (_entries.TryDequeue(out var entry))
        {
            result.Add(entry);
        }

        return result;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        if (_entries.Count < MaxKept)
        {
            _entries.Enqueue(entry);
        }
    }

    private sealed class Logger(ServerLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Add($"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : "\n" + exception));
            }
        }
    }
}
