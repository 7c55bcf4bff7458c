using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The free-text answers to one question (short/long text, and the "other" texts of choice questions), newest
/// first, keyset pages: for the project's staff only.
/// </summary>
public static class ListTextAnswers
{
    public sealed record Query(Guid ActorId, Guid QuestionId, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record TextAnswer(Guid ResponseId, string Text, bool Other, DateTimeOffset SubmittedAt);

    public sealed record Response(IReadOnlyList<TextAnswer> Items, string? NextCursor);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        public ValueTask<Response> Handle(Query q, CancellationToken ct) => throw new NotImplementedException(nameof(ListTextAnswers) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/survey-questions/{id:guid}/text-answers", (Guid id, string? cursor, int? limit, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserId(), id, cursor, limit), ct))
        .WithName(nameof(ListTextAnswers))
        .WithSummary("Free-text answers to a survey question, newest first (project staff).")
        .ProducesProblems(400, 401, 403, 404);
}
