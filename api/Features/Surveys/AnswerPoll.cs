using Mediator;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>The caller's poll answer and, when they may see them, the poll's results right after it.</summary>
public sealed record PollState(Guid PhaseId, MyResponse Response, GetSurveyResults.Response? Results);

/// <summary>
/// The caller's poll answer (none yet: status <c>none</c>) and the results when they may see them: what the poll widget
/// shows. Visitors who are not signed in are known by their browser token (<c>X-Respondent-Token</c>).
/// </summary>
public static class GetPollState
{
    public sealed record Query(Guid? ActorId, string? RespondentToken, Guid PhaseId) : IQuery<PollState>;

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, PollState>
    {
        public ValueTask<PollState> Handle(Query q, CancellationToken ct) => throw new NotImplementedException(nameof(GetPollState) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/phases/{id:guid}/poll-answer", (Guid id, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserIdOrNull(), respondentToken, id), ct))
        .WithName(nameof(GetPollState))
        .WithSummary("Your poll answer (by account, or by browser token when not signed in) and the results when you may see them.")
        .ProducesProblems(400, 404);
}

/// <summary>
/// Answer a poll in one click: one answer per person (or per browser token when everyone may answer), replaced
/// by answering again and withdrawn by DELETE, while the phase is open. Results come back at once when published
/// (or to the project's staff).
/// </summary>
public static class AnswerPoll
{
    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId, AnswersRequest Body) : ICommand<PollState>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, PollState>
    {
        public ValueTask<PollState> Handle(Command c, CancellationToken ct) => throw new NotImplementedException(nameof(AnswerPoll) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/phases/{id:guid}/poll-answer", (Guid id, AnswersRequest body, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserIdOrNull(), respondentToken, id, body), ct))
        .WithName(nameof(AnswerPoll))
        .WithSummary("Answer a poll, or change your answer, while its phase is open; returns the results when you may see them.")
        .ProducesProblems(400, 401, 403, 404);
}

/// <summary>Withdraw one's poll answer while the phase is open (nothing to withdraw changes nothing).</summary>
public static class WithdrawPollAnswer
{
    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId) : ICommand<PollState>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, PollState>
    {
        public ValueTask<PollState> Handle(Command c, CancellationToken ct) => throw new NotImplementedException(nameof(WithdrawPollAnswer) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/phases/{id:guid}/poll-answer", (Guid id, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserIdOrNull(), respondentToken, id), ct))
        .WithName(nameof(WithdrawPollAnswer))
        .WithSummary("Withdraw your poll answer while its phase is open.")
        .ProducesProblems(401, 403, 404);
}
