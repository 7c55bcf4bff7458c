using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Errors;

/// <summary>
/// Errors are always problem+json with a body. The framework's writer declines when the caller's Accept names no
/// JSON type (e.g. <c>Accept: text/csv</c> on the CSV export, <c>text/html</c> from a browser), which left an empty
/// error; this writer, registered after it, takes those cases with the same customisation and serializer options.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(
    IOptions<ProblemDetailsOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json
) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(http.Response.StatusCode);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(
            http.Response.WriteAsJsonAsync(
                problem,
                problem.GetType(),
                json.Value.SerializerOptions,
                contentType: "application/problem+json",
                http.RequestAborted
            )
        );
    }
}
