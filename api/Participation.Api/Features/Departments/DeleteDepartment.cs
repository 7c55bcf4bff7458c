using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Departments;

/// <summary>An admin deletes an empty department (no heads, no elected officials scoped to it, no projects).</summary>
public static class DeleteDepartment
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // The foreign keys from role grants (and later projects) refuse the delete of a non-empty department.
        // Invitations scoped to it would go with it (ON DELETE CASCADE): pending ones are refused instead, so
        // nobody loses track of them silently; they are revoked first through the audited revoke path.
        private const string Sql = "DELETE FROM departments WHERE id = @Id RETURNING name::text;";

        // Locks the department (new invitations take a key-share lock on it) before counting its pending invitations.
        private const string PendingSql = """
            SELECT count(i.id)
            FROM (SELECT id FROM departments WHERE id = @Id FOR UPDATE) d
            LEFT JOIN invitations i ON i.department_id = d.id
                AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now();
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var pending = await connection.ExecuteScalarAsync<long>(new CommandDefinition(PendingSql, c, tx, cancellationToken: ct));
            if (pending > 0)
                throw new ConflictException(Messages.Get("department_pending_invitations", pending));
            try
            {
                var deleted = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, c, tx, cancellationToken: ct))
                    ?? throw new NotFoundException();
                var name = LocalizedText.FromJson(deleted);
                await events.RecordAsync(
                    tx,
                    EventType.DepartmentDeleted,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Platform,
                    before: new { name },
                    after: null,
                    data: new { name },
                    ct
                );
                await tx.CommitAsync(ct);
                return Unit.Value;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new ConflictException(Messages.Get("department_not_empty"));
            }
        }
    }

    [EndpointSummary("Delete an empty department (admin).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
