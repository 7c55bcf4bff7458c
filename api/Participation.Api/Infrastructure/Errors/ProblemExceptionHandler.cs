using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Participation.Api.Infrastructure.Errors;

/// <summary>The one place where exceptions become RFC 9457 problem+json responses.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException v => RequestErrors.Invalid(
                v.Errors.GroupBy(e => Camel(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())
            ),
            ConflictException { Field: not null } c => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [Camel(c.Field)] = [c.Message] }
            )
            {
                Status = StatusCodes.Status409Conflict,
                Title = c.Message,
            },
            ConflictException c => Problem(StatusCodes.Status409Conflict, c.Message),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, n.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, f.Message),
            ActionRefusedException a => Refused(a),
            InsufficientScopeException i => InsufficientScope(http, i),
            UnauthorizedException u => Problem(StatusCodes.Status401Unauthorized, u.Message),
            GoneException g => Problem(StatusCodes.Status410Gone, g.Message),
            TooManyRequestsException t => TooMany(http, t.RetryAfter),
            ServiceUnavailableException s => Unavailable(s),
            StorageFullException f => StorageFull(f),
            Exception d when d.IsDatabaseUnavailable() => DatabaseUnavailable(http),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } b => RequestErrors.Describe(b),
            BadHttpRequestException b => Problem(b.StatusCode, BadRequestTitle(b.StatusCode)),
            JsonException j => RequestErrors.Describe(j),
            _ => null,
        };
        if (problem is null)
            return false;

        if (exception.IsDatabaseUnavailable()) // a restart or a failover: /health/ready says so too; no stack trace per request
            logger.LogWarning("Database unavailable: {Message}", exception.Message);
        else if (problem.Status >= 500 && exception is not ServiceUnavailableException) // those are logged where they happen
            logger.LogError(exception, "Unhandled error");
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = problem,
                Exception = exception,
            }
        );
    }

    public static ProblemDetails TooMany(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = Problem(StatusCodes.Status429TooManyRequests, "Too many requests. Try again later.");
        problem.Extensions["retryAfter"] = seconds; // also in the body: generated clients only surface the body
        return problem;
    }

    private static ProblemDetails Refused(ActionRefusedException a)
    {
        var problem = Problem(StatusCodes.Status403Forbidden, a.Message);
        problem.Extensions["action"] = a.Action;
        problem.Extensions["reason"] = a.Reason;
        return problem;
    }

    private static ProblemDetails Unavailable(ServiceUnavailableException s)
    {
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, s.Message);
        problem.Extensions["reason"] = s.Reason;
        return problem;
    }

    /// <summary>503 with Retry-After: the database is restarting or failing over; the request may simply be sent again.</summary>
    private static ProblemDetails DatabaseUnavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, Messages.Get("database_unavailable"));
        problem.Extensions["reason"] = "database_unavailable";
        return problem;
    }

    private static ProblemDetails StorageFull(StorageFullException f)
    {
        var problem = Problem(StatusCodes.Status507InsufficientStorage, f.Message);
        problem.Extensions["reason"] = StorageFullException.Reason;
        return problem;
    }

    private static ProblemDetails InsufficientScope(HttpContext http, InsufficientScopeException e)
    {
        var scope = string.Join(' ', e.Accepted);
        http.Response.Headers.WWWAuthenticate =
            e.Accepted.Count == 0 ? "Bearer error=\"insufficient_scope\"" : $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        var problem = Problem(StatusCodes.Status403Forbidden, e.Message);
        problem.Extensions["reason"] = "insufficient_scope";
        problem.Extensions["requiredScopes"] = e.Accepted;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };

    private static string BadRequestTitle(int status) =>
        status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported content type: send application/json.",
            _ => "The request is malformed.",
        };

    internal static string Camel(string name) =>
        string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
