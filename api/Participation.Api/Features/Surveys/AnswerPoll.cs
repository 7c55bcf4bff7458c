using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, PollState>
    {
        public async ValueTask<PollState> Handle(Command c, CancellationToken ct)
        {
            MyResponse mine;
            await using var connection = await db.OpenConnectionAsync(ct);
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Poll, ct);
                var hash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
                if (
                    await connection.ExecuteScalarAsync<int?>(new CommandDefinition(LockSql, new { c.PhaseId }, tx, cancellationToken: ct))
                    is null
                )
                    throw new ConflictException(Messages.Get("poll_without_questions"));
                var questions = Questionnaire.Questions(await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct)).ToList();
                var rows = AnswerRules.Check(questions, c.Body, submit: true);
                if (rows.Count == 0)
                    throw new FluentValidation.ValidationException([
                        new FluentValidation.Results.ValidationFailure("answers", Messages.Get("required")),
                    ]);
                var saved = await connection.QuerySingleAsync<Upserted>(
                    new CommandDefinition(
                        hash is null ? ByPerson : ByToken,
                        new
                        {
                            Id = Guid.CreateVersion7(),
                            c.PhaseId,
                            c.ActorId,
                            TokenHash = hash,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                if (saved.Inserted)
                    await connection.ExecuteAsync(new CommandDefinition(CountSql, new { c.PhaseId }, tx, cancellationToken: ct));
                // The upsert locked the response: what it held before this answer cannot change meanwhile.
                var was = saved.Inserted ? null : await Polls.StoredAsync(connection, tx, saved.Id, ct);
                await ResponseWriter.ReplaceAsync(connection, tx, saved.Id, rows, ct);
                var now = await Polls.StoredAsync(connection, tx, saved.Id, ct);
                if (was?.Digest != now.Digest) // the same answer again records nothing
                    await events.RecordAsync(
                        tx,
                        EventType.PollAnswered,
                        Answering.EventActor(c.ActorId),
                        saved.Id,
                        Scope.Phase(c.PhaseId),
                        was is null ? null : new { optionIds = was.OptionIds },
                        new { optionIds = now.OptionIds },
                        ct: ct
                    );
                mine = await ResponseWriter.ReadAsync(connection, tx, c.PhaseId, c.ActorId, hash, ct);
                await tx.CommitAsync(ct);
            }
            return new PollState(c.PhaseId, mine, await Polls.ResultsAsync(connection, c.ActorId, c.PhaseId, ct));
        }
    }

    [EndpointSummary("Answer a poll, or change your answer, while its phase is open; returns the results when you may see them.")]
    public static ValueTask<PollState> Endpoint(
        Guid id,
        AnswersRequest body,
        [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserIdOrNull, respondentToken, id, body), ct);
}
