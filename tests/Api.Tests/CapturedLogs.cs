using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests;

/// <summary>
/// A logger provider that keeps every line the app writes, with the trace id its scopes carry, so a
/// test can find the log lines of one request the way an operator would.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLine> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? traceId = null;
            logs.scopes.ForEachScope(
                (scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values
                        && values.FirstOrDefault(v => v.Key == "TraceId").Value is { } id)
                    {
                        traceId = id.ToString();
                    }
                },
                (object?)null);
            logs.lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception), traceId, exception));
        }
    }
}

/// <summary>One log line: its category, level, text, the trace id of the request it was written in (if any) and the exception it carried.</summary>
public sealed record CapturedLine(string Category, LogLevel Level, string Message, string? TraceId, Exception? Exception);
