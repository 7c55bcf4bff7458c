using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// The errors the API logged (with their exception and trace id), so that a test failing on a 500 says why: the console
/// logs of the in-process API are not kept by the test run.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The errors logged since the last call.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_entries.TryDequeue(out var entry))
            taken.Add(entry);
        return taken;
    }

    public void Dispose() { }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (!IsEnabled(logLevel) || log._entries.Count >= 50)
                return;
            var trace = Activity.Current?.TraceId.ToString() ?? "-";
            log._entries.Enqueue($"[{logLevel} {category} trace {trace}] {formatter(state, exception)}\n{exception}");
        }
    }
}
