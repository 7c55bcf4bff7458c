using Participation.Api.Features.Events;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// An admin sends an official's briefing now: the current period of the schedule up to today, produced and queued at
/// once (audited: briefing.sent with the admin as actor). Once per official, scope and day (a second time: 409); never
/// empty (an empty briefing is skipped and logged) and never to an official who opted out.
/// </summary>
public static class SendBriefingNow
{
    public sealed record Command(Guid ActorId, Guid OfficialId, Guid? DepartmentId) : ICommand<Response>;

    /// <param name="Id">The briefing (in the log).</param>
    /// <param name="Status">sent, skipped_empty (nothing to report) or opted_out.</param>
    /// <param name="From">The period's first day.</param>
    /// <param name="To">Its last day (today).</param>
    public sealed record Response(Guid Id, BriefingStatus Status, DateOnly From, DateOnly To);

    private const string InsertSql = $"""
        WITH inserted AS (
            INSERT INTO briefings (id, official_id, scope_type, scope_id, kind, period_from, period_to, sent_by)
            VALUES (@Id, @OfficialId, @ScopeType, @ScopeId, 'on_demand', @First, @Last, @ActorId)
            ON CONFLICT DO NOTHING
            RETURNING *)
        SELECT {BriefingJob.ClaimedColumns}
          FROM inserted b
          {BriefingJob.ClaimedJoins};
        """;

    public sealed class Handler(CityDb db, BriefingProducer producer, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            var (scope, _, _) = await BriefingOfficials.RequireAsync(connection, c.OfficialId, c.DepartmentId, null, ct);
            var schedule = await BriefingSchedule.ReadAsync(connection, null, ct);
            var today = PeriodQuery.Today(clock);
            var (first, _) = schedule.PeriodOf(today);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var claim = await connection.QuerySingleOrDefaultAsync<BriefingProducer.Claim>(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = Guid.CreateVersion7(),
                        c.OfficialId,
                        ScopeType = scope.Type.ToWire(),
                        ScopeId = scope.Id,
                        First = first,
                        Last = today,
                        c.ActorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new ConflictException(Messages.Get("briefing_sent_today"));
            var statuses = await producer.ProduceAsync(connection, tx, [claim], Actor.User(c.ActorId), ct);
            await tx.CommitAsync(ct);
            return new Response(claim.Id, statuses[claim.Id], first, today);
        }
    }

    [EndpointSummary("Send an official's briefing now: the period so far (admins; once per official and day; audited).")]
    public static ValueTask<Response> Endpoint(Guid userId, Guid? departmentId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, userId, departmentId), ct);
}
