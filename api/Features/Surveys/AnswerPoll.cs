using System.Data;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Participation.Api.Features.Events;
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

    /// <summary>
    /// A response's answers as stored: a digest comparing them whole, and the options chosen (in rank order) that the
    /// events carry. Free text, numbers and places stay out of the events: the options are the choice, like a vote's idea.
    /// </summary>
    private const string StoredSql = """
        SELECT coalesce(jsonb_agg(jsonb_build_array(question_id, option_id, rank, number, text, latitude, longitude)
                                  ORDER BY question_id, rank, option_id, text, number, latitude, longitude), '[]')::text AS digest,
               coalesce(array_agg(option_id ORDER BY question_id, rank, option_id) FILTER (WHERE option_id IS NOT NULL), '{}') AS option_ids
          FROM survey_answers WHERE response_id = @ResponseId;
        """;

    public sealed class Stored
    {
        public string Digest { get; init; } = "";
        public Guid[] OptionIds { get; init; } = [];
    }

    /// <summary>Read with the response row locked by the transaction, so nobody changes them meanwhile.</summary>
    public static Task<Stored> StoredAsync(IDbConnection connection, IDbTransaction tx, Guid responseId, CancellationToken ct) =>
        connection.QuerySingleAsync<Stored>(new CommandDefinition(StoredSql, new { ResponseId = responseId }, tx, cancellationToken: ct));

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

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command, PollState>
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
                // The upsert locked the response: what it held before this answer cannot change meanwhile.
                var was = saved.Inserted ? null : await Polls.StoredAsync(connection, tx, saved.Id, ct);
                await ResponseWriter.ReplaceAsync(connection, tx, saved.Id, rows, ct);
                var now = await Polls.StoredAsync(connection, tx, saved.Id, ct);
                if (was?.Digest != now.Digest) // the same answer again records nothing
                    await events.RecordAsync(tx, EventType.PollAnswered, Answering.EventActor(c.ActorId), saved.Id, Scope.Phase(c.PhaseId),
                        was is null ? null : new { optionIds = was.OptionIds }, new { optionIds = now.OptionIds }, ct: ct);
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

    private const string Mine = "r.phase_id = @PhaseId AND (r.user_id = @ActorId OR (@ActorId::uuid IS NULL AND r.token_hash = @TokenHash))";

    /// <summary>The caller's answer, locked: its answers are read, then it is deleted, with nothing changing it in between.</summary>
    internal const string LockSql = $"SELECT r.id FROM survey_responses r WHERE {Mine} FOR UPDATE;";

    internal const string Sql = $"""
        WITH removed AS (
            DELETE FROM survey_responses r
             WHERE {Mine}
            RETURNING r.id)
        UPDATE surveys SET responses = responses - (SELECT count(*) FROM removed), updated_at = now()
         WHERE phase_id = @PhaseId AND EXISTS (SELECT 1 FROM removed);
        """;

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command, PollState>
    {
        public async ValueTask<PollState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Poll, ct);
                var hash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
                var args = new { c.PhaseId, c.ActorId, TokenHash = hash };
                // Nothing to withdraw changes nothing and records nothing.
                if (await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(LockSql, args, tx, cancellationToken: ct)) is { } responseId)
                {
                    var was = await Polls.StoredAsync(connection, tx, responseId, ct);
                    await connection.ExecuteAsync(new CommandDefinition(Sql, args, tx, cancellationToken: ct));
                    await events.RecordAsync(tx, EventType.PollAnswerWithdrawn, Answering.EventActor(c.ActorId), responseId, Scope.Phase(c.PhaseId),
                        new { optionIds = was.OptionIds }, null, ct: ct);
                }
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
