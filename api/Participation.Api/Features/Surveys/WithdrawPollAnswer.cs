using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>Withdraw one's poll answer while the phase is open (nothing to withdraw changes nothing).</summary>
public static class WithdrawPollAnswer
{
    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId) : ICommand<PollState>;

    private const string Mine =
        "r.phase_id = @PhaseId AND (r.user_id = @ActorId OR (@ActorId::uuid IS NULL AND r.token_hash = @TokenHash))";

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, PollState>
    {
        public async ValueTask<PollState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await Answering.RequireOpenAsync(connection, tx, c.ActorId, c.PhaseId, PhaseMethod.Poll, ct);
                var hash = Answering.VisitorTokenHash(c.ActorId, c.RespondentToken);
                var args = new
                {
                    c.PhaseId,
                    c.ActorId,
                    TokenHash = hash,
                };
                // Nothing to withdraw changes nothing and records nothing.
                if (
                    await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(LockSql, args, tx, cancellationToken: ct)) is
                    { } responseId
                )
                {
                    var was = await Polls.StoredAsync(connection, tx, responseId, ct);
                    await connection.ExecuteAsync(new CommandDefinition(Sql, args, tx, cancellationToken: ct));
                    await events.RecordAsync(
                        tx,
                        EventType.PollAnswerWithdrawn,
                        Answering.EventActor(c.ActorId),
                        responseId,
                        Scope.Phase(c.PhaseId),
                        new { optionIds = was.OptionIds },
                        null,
                        ct: ct
                    );
                }
                await tx.CommitAsync(ct);
            }
            return new PollState(
                c.PhaseId,
                new MyResponse(c.PhaseId, ResponseStatus.None, null, null, []),
                await Polls.ResultsAsync(connection, c.ActorId, c.PhaseId, ct)
            );
        }
    }

    [EndpointSummary("Withdraw your poll answer while its phase is open.")]
    public static ValueTask<PollState> Endpoint(
        Guid id,
        [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserIdOrNull, respondentToken, id), ct);
}
