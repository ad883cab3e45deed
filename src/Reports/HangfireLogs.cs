using Hangfire.Logging;

namespace Cooperation.Reports;

/// <summary>
/// Hangfire's log output into the host's logging. Hangfire keeps its log provider in a static, so
/// every host of a process (several in the tests) shares the last one set; this one outlives its
/// host quietly instead of failing Hangfire's workers with a disposed logger factory.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory loggers) : ILogProvider
{
    /// <inheritdoc/>
    public ILog GetLogger(string name) => new HostLog(loggers, name);

    private sealed class HostLog(ILoggerFactory loggers, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = loggers.CreateLogger(name);
                var level = (Microsoft.Extensions.Logging.LogLevel)(int)logLevel;
                if (messageFunc is null)
                    return logger.IsEnabled(level);
                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                // The host that set this provider has stopped; another host's work goes on unlogged.
                return false;
            }
        }
    }
}
