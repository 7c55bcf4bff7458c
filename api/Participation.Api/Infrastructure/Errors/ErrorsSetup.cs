namespace Participation.Api.Infrastructure.Errors;

public static class ErrorsSetup
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = ctx =>
            {
                ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
                ctx.ProblemDetails.Extensions["traceId"] = Participation.Api.Infrastructure.Telemetry.TelemetrySetup.TraceId(
                    ctx.HttpContext
                );
            }
        );
        // After the framework's writer (registered by AddProblemDetails): answers whatever Accept says.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (bad JSON, wrong content type) throw, so they reach the handler above.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Exceptions → problem+json; empty 4xx/5xx (401, 403, 404, 405...) get a problem body too.</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Answers requests no endpoint will serve before authorization runs, so that the closed-by-default
    /// policy does not turn a 404, 405 or 415 into a 401. Place after the middleware that serve paths
    /// of their own (Swagger UI) and before UseAuthentication.
    /// </summary>
    public static WebApplication UseUnmatchedRouteAnswers(this WebApplication app)
    {
        // Routing answers a wrong verb (405) or content type (415) with an endpoint of its own that carries no
        // authorization metadata; run it before the closed-by-default policy would turn it into a 401.
        // A path that matches no route is a 404, not a 401 from the fallback policy.
        app.Use(
            (http, next) =>
                http.GetEndpoint() switch
                {
                    { DisplayName: { } name, RequestDelegate: { } reject } when IsRejection(name) => reject(http),
                    null => NotFound(http),
                    _ => next(http),
                }
        );
        return app;
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool IsRejection(string endpointName) =>
        endpointName.StartsWith("405 HTTP", StringComparison.Ordinal) || endpointName.StartsWith("415 HTTP", StringComparison.Ordinal);
}
