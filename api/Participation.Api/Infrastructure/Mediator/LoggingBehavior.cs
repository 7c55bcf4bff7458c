using System.Diagnostics;

namespace Participation.Api.Infrastructure.Mediator;

/// <summary>Logs each message's name and duration; never its content (it may hold passwords or tokens).</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, ct);
            logger.LogDebug("{Message} handled in {ElapsedMs:0.0} ms", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogInformation(
                "{Message} failed after {ElapsedMs:0.0} ms: {Error}",
                Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                ex.GetType().Name
            );
            throw;
        }
    }

    private static string Name => typeof(TMessage).DeclaringType is { } d ? $"{d.Name}.{typeof(TMessage).Name}" : typeof(TMessage).Name;
}
