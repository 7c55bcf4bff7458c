using System.Data;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Rules;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Surveys;

/// <summary>The caller's poll answer and, when they may see them, the poll's results right after it.</summary>
public sealed record PollState(Guid PhaseId, MyResponse Response, GetSurveyResults.Response? Results);

/// <summary>What the three poll slices share: who answers, their answer, and the results they may see.</summary>
internal static class Polls
{
    /// <summary>A poll phase the caller may see (404 for any other phase, like surveys).</summary>
    public static async Task<Questionnaire.Phase> RequirePollAsync(IDbConnection connection, Guid? actorId, Guid phaseId, IDbTransaction? tx, CancellationToken ct)
    {
        var phase = await Questionnaire.RequirePhaseAsync(connection, actorId, phaseId, tx, ct);
        return phase.Method == PhaseMethod.Poll ? phase : throw new NotFoundException("No such poll.");
    }

    /// <summary>The results when the caller may read them (staff, or published), else null: a poll answer never fails on them.</summary>
    public static Task<GetSurveyResults.Response?> ResultsAsync(NpgsqlConnection connection, Guid? actorId, Guid phaseId, CancellationToken ct) =>
        GetSurveyResults.WhenReadableAsync(connection, actorId, phaseId, ct);
}

/// <summary>
/// The caller's poll answer (none yet: status <c>none</c>) and the results when they may see them: what the poll widget
/// shows. Visitors who are not signed in are known by their browser token (<c>X-Respondent-Token</c>).
/// </summary>
public static class GetPollState
{
    public sealed record Query(Guid? ActorId, string? RespondentToken, Guid PhaseId) : IQuery<PollState>;

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, PollState>
    {
        public async ValueTask<PollState> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Polls.RequirePollAsync(connection, q.ActorId, q.PhaseId, null, ct);
            var mine = await ResponseWriter.ReadMineAsync(connection, q.ActorId, q.RespondentToken, q.PhaseId, ct);
            return new PollState(q.PhaseId, mine, await Polls.ResultsAsync(connection, q.ActorId, q.PhaseId, ct));
        }
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
/// <remarks>
/// The first answer inserts the response (its unique constraints keep one per person or token, whatever the
/// concurrency) and counts it in <c>surveys.responses</c>, which locks the questionnaire's row like a survey
/// submission does, so the builder's "wording only after the first response" rule holds for polls too. The
/// questionnaire is read under a key-share lock of that row, so answers are always checked against what is stored.
/// </remarks>
public static class AnswerPoll
{
    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId, AnswersRequest Body) : ICommand<PollState>;

    // Key-share, like survey drafts: answers do not wait for each other, a builder save (FOR UPDATE) waits for them and they for it.
    internal const string LockSql = "SELECT version FROM surveys WHERE phase_id = @PhaseId FOR KEY SHARE;";

    internal const string UpsertSql = """
        INSERT INTO survey_responses AS r (id, phase_id, user_id, token_hash, status, submitted_at)
        VALUES (@Id, @PhaseId, @ActorId, @TokenHash, 'submitted', now())
        ON CONFLICT {0} DO UPDATE SET updated_at = now(), submitted_at = now()
        RETURNING r.id, (r.xmax = 0) AS inserted;
        """;

    private static readonly string ByPerson = string.Format(UpsertSql, "(phase_id, user_id)");
    private static readonly string ByToken = string.Format(UpsertSql, "(phase_id, token_hash)");

    internal const string CountSql = "UPDATE surveys SET responses = responses + 1, updated_at = now() WHERE phase_id = @PhaseId;";

    private sealed record Upserted(Guid Id, bool Inserted);

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, PollState>
    {
        public async ValueTask<PollState> Handle(Command c, CancellationToken ct)
        {
            MyResponse mine;
            await using var connection = await db.OpenConnectionAsync(ct);
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Poll, ct);
                var hash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
                if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(LockSql, new { c.PhaseId }, tx, cancellationToken: ct)) is null)
                    throw new ConflictException(Messages.Get("poll_without_questions"));
                var questions = Questionnaire.Questions(await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct)).ToList();
                var rows = AnswerRules.Check(questions, c.Body, submit: true);
                if (rows.Count == 0) throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("answers", Messages.Get("required"))]);
                var saved = await connection.QuerySingleAsync<Upserted>(new CommandDefinition(hash is null ? ByPerson : ByToken,
                    new { Id = Guid.CreateVersion7(), c.PhaseId, c.ActorId, TokenHash = hash }, tx, cancellationToken: ct));
                if (saved.Inserted) await connection.ExecuteAsync(new CommandDefinition(CountSql, new { c.PhaseId }, tx, cancellationToken: ct));
                await ResponseWriter.ReplaceAsync(connection, tx, saved.Id, rows, ct);
                mine = await ResponseWriter.ReadAsync(connection, tx, c.PhaseId, c.ActorId, hash, ct);
                await tx.CommitAsync(ct);
            }
            return new PollState(c.PhaseId, mine, await Polls.ResultsAsync(connection, c.ActorId, c.PhaseId, ct));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/phases/{id:guid}/poll-answer", (Guid id, AnswersRequest body, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserIdOrNull(), respondentToken, id, body), ct))
        .WithName(nameof(AnswerPoll))
        .WithSummary("Answer a poll, or change your answer, while its phase is open; returns the results when you may see them.")
        .ProducesProblems(400, 401, 403, 404, 409);
}

/// <summary>Withdraw one's poll answer while the phase is open (nothing to withdraw changes nothing).</summary>
public static class WithdrawPollAnswer
{
    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId) : ICommand<PollState>;

    internal const string Sql = """
        WITH removed AS (
            DELETE FROM survey_responses r
             WHERE r.phase_id = @PhaseId AND (r.user_id = @ActorId OR (@ActorId::uuid IS NULL AND r.token_hash = @TokenHash))
            RETURNING r.id)
        UPDATE surveys SET responses = responses - (SELECT count(*) FROM removed), updated_at = now()
         WHERE phase_id = @PhaseId AND EXISTS (SELECT 1 FROM removed);
        """;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, PollState>
    {
        public async ValueTask<PollState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Poll, ct);
                var hash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
                await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.PhaseId, c.ActorId, TokenHash = hash }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
            }
            return new PollState(c.PhaseId, new MyResponse(c.PhaseId, ResponseStatus.None, null, null, []),
                await Polls.ResultsAsync(connection, c.ActorId, c.PhaseId, ct));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/phases/{id:guid}/poll-answer", (Guid id, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserIdOrNull(), respondentToken, id), ct))
        .WithName(nameof(WithdrawPollAnswer))
        .WithSummary("Withdraw your poll answer while its phase is open.")
        .ProducesProblems(401, 403, 404);
}
