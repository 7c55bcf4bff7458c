using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Save a draft of the caller's survey response to finish later (signed-in residents who may answer). Each answer
/// is checked against its question (type, ranges, options) but required questions may still be empty. Refused
/// with <c>already_responded</c> once the response is submitted. Records no event: a draft is the person's work in
/// progress, seen by nobody and counted nowhere; submitting it is the fact (<c>survey.response_submitted</c>).
/// </summary>
public static class SaveDraftResponse
{
    public sealed record Command(Guid ActorId, Guid PhaseId, AnswersRequest Body) : ICommand<MyResponse>;

    public sealed class Handler(CityDb db) : ICommandHandler<Command, MyResponse>
    {
        // Key-share: drafts do not wait for each other or for submissions, but a builder save (FOR UPDATE) waits for them and they for it.
        private const string LockSql = "SELECT true FROM surveys WHERE phase_id = @PhaseId FOR KEY SHARE;";

        private const string UpsertSql = """
            INSERT INTO survey_responses AS r (id, phase_id, user_id, status) VALUES (@Id, @PhaseId, @ActorId, 'draft')
            ON CONFLICT (phase_id, user_id) DO UPDATE SET updated_at = now() WHERE r.status = 'draft'
            RETURNING id;
            """;

        public async ValueTask<MyResponse> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Survey, ct);
            await connection.ExecuteAsync(new CommandDefinition(LockSql, new { c.PhaseId }, tx, cancellationToken: ct));
            var rows = AnswerRules.Check(
                Questionnaire.Questions(await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct)),
                c.Body,
                submit: false
            );
            var id = await connection.ExecuteScalarAsync<Guid?>(
                new CommandDefinition(
                    UpsertSql,
                    new
                    {
                        Id = Guid.CreateVersion7(),
                        c.PhaseId,
                        c.ActorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw ActionPolicy.Refuse(ParticipationAction.Answer, RefusalReason.AlreadyResponded);
            await ResponseWriter.ReplaceAsync(connection, tx, id, rows, ct);
            var saved = await ResponseWriter.ReadAsync(connection, tx, c.PhaseId, c.ActorId, null, ct);
            await tx.CommitAsync(ct);
            return saved;
        }
    }

    [EndpointSummary("Save a draft of your survey response (answers checked, required ones may wait).")]
    public static ValueTask<MyResponse> Endpoint(Guid id, AnswersRequest body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
