using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Every submitted response as CSV (one row per response, one column per question, headers in the requested
/// language), streamed from the database to the client with constant memory; for the project's moderators, its
/// department's heads and admins. Each export is written to the audit log before the first byte is sent.
/// </summary>
public static class ExportSurveyResponses
{
    public sealed record Query(Guid ActorId, Guid PhaseId, string? Language) : IQuery<Export>;

    /// <summary>What to send: the file name and the writer that streams the rows.</summary>
    public sealed record Export(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Export>
    {
        public ValueTask<Export> Handle(Query q, CancellationToken ct) => throw new NotImplementedException(nameof(ExportSurveyResponses) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/phases/{id:guid}/responses.csv", async (Guid id, string? language, System.Security.Claims.ClaimsPrincipal user, ISender sender, HttpContext http, CancellationToken ct) =>
        {
            var export = await sender.Send(new Query(user.UserId(), id, language), ct);
            return Results.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "text/csv; charset=utf-8", export.FileName);
        })
        .WithName(nameof(ExportSurveyResponses))
        .WithSummary("Download every submitted response as CSV, streamed (project staff; audited).")
        .Produces(200, contentType: "text/csv")
        .ProducesProblems(400, 401, 403, 404);
}
