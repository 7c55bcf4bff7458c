using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

public static class RemovePhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid PhaseId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH removed AS (DELETE FROM phases WHERE id = @PhaseId AND project_id = @ProjectId RETURNING id, title, starts_at, ends_at,
                             method),
            touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId AND EXISTS (SELECT 1 FROM removed))
            SELECT jsonb_build_object('title', title, 'method', method, 'startsAt', starts_at, 'endsAt', ends_at) AS before, NULL AS after,
                   jsonb_build_object('phaseId', id, 'method', method) AS data
              FROM removed;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.ProjectId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var removed = await connection.QuerySingleOrDefaultAsync<PhaseChange>(
                new CommandDefinition(Sql, new { c.PhaseId, c.ProjectId }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException("No such phase.");
            await events.RecordAsync(
                tx,
                EventType.PhaseRemoved,
                Actor.User(c.ActorId),
                c.ProjectId,
                Scope.Phase(c.PhaseId, c.ProjectId),
                removed.BeforeJson,
                removed.AfterJson,
                removed.DataJson,
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Remove a phase from the project (its staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Guid phaseId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, phaseId), ct);
        return TypedResults.NoContent();
    }
}
