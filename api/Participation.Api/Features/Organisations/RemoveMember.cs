using Participation.Api.Features.Events;

namespace Participation.Api.Features.Organisations;

/// <summary>The owner removes a member, or a member leaves. The owner stays (an organisation always has one).</summary>
public static class RemoveMember
{
    public sealed record Command(Guid ActorId, Guid Id, Guid UserId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            DELETE FROM organisation_members m
             WHERE m.organisation_id = @Id AND m.user_id = @UserId AND m.role = 'member'
               AND (@UserId = @ActorId
                    OR EXISTS (SELECT 1 FROM organisation_members o WHERE o.organisation_id = @Id AND o.user_id = @ActorId
                               AND o.role = 'owner'))
            RETURNING m.user_id;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Removing someone who is no longer a member is a 404: one event per removal.
            if (await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)) is null)
                throw new NotFoundException("No such member.");
            await events.RecordAsync(
                tx,
                EventType.OrganisationMemberRemoved,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                new { userId = c.UserId, role = "member" },
                null,
                ct: ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Remove a member (owner) or leave the organisation (member).")]
    public static async Task<NoContent> Endpoint(Guid id, Guid userId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, userId), ct);
        return TypedResults.NoContent();
    }
}
