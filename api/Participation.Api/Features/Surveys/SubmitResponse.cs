using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Submit a survey response: every answer checked against its question, required ones present (400 with one field
/// error per question, under <c>answers.{questionId}</c>). One response per person (a unique constraint; a draft
/// becomes the submission); when the phase lets everyone answer, visitors who are not signed in answer with a
/// random browser token in <c>X-Respondent-Token</c> (one response per token, kept hashed; rate-limited).
/// A second submission by the same person or token is refused like the "what may I do" panel says:
/// 403 with reason <c>already_responded</c>. <c>Idempotency-Key</c> is honoured for signed-in callers.
/// </summary>
public static class SubmitResponse
{
    public sealed record Response(Guid ResponseId, Guid PhaseId, DateTimeOffset SubmittedAt);

    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId, AnswersRequest Body) : ICommand<Response>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        // The survey row's lock, taken first, serialises submissions against each other (one per person even when
        // fired in parallel: the later ones find the submitted response) and against the builder.
        private const string CountSql = "UPDATE surveys SET responses = responses + 1 WHERE phase_id = @PhaseId RETURNING version;";

        private const string PersonSql = """
            INSERT INTO survey_responses AS r (id, phase_id, user_id, status, submitted_at)
                   VALUES (@Id, @PhaseId, @ActorId, 'submitted', now())
            ON CONFLICT (phase_id, user_id) DO UPDATE SET status = 'submitted', submitted_at = now(), updated_at = now()
                   WHERE r.status = 'draft'
            RETURNING id, submitted_at, (r.xmax = 0) AS inserted;
            """;

        private const string VisitorSql = """
            INSERT INTO survey_responses (id, phase_id, token_hash, status, submitted_at)
                   VALUES (@Id, @PhaseId, @TokenHash, 'submitted', now())
            ON CONFLICT (phase_id, token_hash) DO NOTHING
            RETURNING id, submitted_at, true AS inserted;
            """;

        /// <summary><c>Inserted</c> is false when the person's draft became the submission.</summary>
        private sealed record Saved(Guid Id, DateTime SubmittedAt, bool Inserted);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Survey, ct);
            var tokenHash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
            await connection.ExecuteAsync(new CommandDefinition(CountSql, new { c.PhaseId }, tx, cancellationToken: ct));
            var rows = AnswerRules.Check(
                Questionnaire.Questions(await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct)),
                c.Body,
                submit: true
            );
            try
            {
                var saved = await connection.QuerySingleOrDefaultAsync<Saved>(
                    new CommandDefinition(
                        c.ActorId is null ? VisitorSql : PersonSql,
                        new
                        {
                            Id = Guid.CreateVersion7(),
                            c.PhaseId,
                            c.ActorId,
                            TokenHash = tokenHash,
                        },
                        tx,
                        cancellationToken: ct
                    )
                ) ?? throw ActionPolicy.Refuse(ParticipationAction.Answer, RefusalReason.AlreadyResponded);
                await ResponseWriter.ReplaceAsync(connection, tx, saved.Id, rows, ct);
                // Only that a response was submitted, never its answers. A second submission is refused above: one event.
                await events.RecordAsync(
                    tx,
                    EventType.SurveyResponseSubmitted,
                    Answering.EventActor(c.ActorId),
                    saved.Id,
                    Scope.Phase(c.PhaseId),
                    saved.Inserted ? null : new { status = ResponseStatus.Draft },
                    new { status = ResponseStatus.Submitted },
                    ct: ct
                );
                await tx.CommitAsync(ct);
                return new Response(saved.Id, c.PhaseId, saved.SubmittedAt.AsUtc());
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation())
            {
                throw ActionPolicy.Refuse(ParticipationAction.Answer, RefusalReason.AlreadyResponded);
            }
        }
    }

    [EndpointSummary("Submit your response to a survey (once); anonymous answers need the phase to allow everyone and a browser token.")]
    public static async Task<Created<Response>> Endpoint(
        Guid id,
        AnswersRequest body,
        [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var response = await sender.Send(new Command(caller.UserIdOrNull, respondentToken, id, body), ct);
        return TypedResults.Created($"/api/v1/phases/{id}/my-response", response);
    }
}
