using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>The caller's own response to a survey or poll: none yet, a saved draft, or what they submitted.</summary>
public static class GetMyResponse
{
    public sealed record Query(Guid ActorId, Guid PhaseId) : IQuery<MyResponse>;

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, MyResponse>
    {
        public async ValueTask<MyResponse> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Questionnaire.RequirePhaseAsync(connection, q.ActorId, q.PhaseId, null, ct);
            return await ResponseWriter.ReadAsync(connection, null, q.PhaseId, q.ActorId, null, ct);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/phases/{id:guid}/my-response", (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserId(), id), ct))
        .WithName(nameof(GetMyResponse))
        .WithSummary("Your own response to a survey or poll: status none, draft or submitted, with its answers.")
        .ProducesProblems(401, 404);
}
