using Participation.Api.Features.Events;

namespace Participation.Api.Features.Organisations;

/// <summary>Accepts an invitation to join, sent to the caller's confirmed e-mail address. Idempotent.</summary>
public static class JoinOrganisation
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH invitation AS (
                DELETE FROM organisation_invitations i
                 USING users u
                 WHERE i.organisation_id = @Id AND u.id = @ActorId AND u.email = i.email AND u.email_confirmed_at IS NOT NULL
                RETURNING i.organisation_id),
            joined AS (
                INSERT INTO organisation_members (organisation_id, user_id, role)
                SELECT organisation_id, @ActorId, 'member' FROM invitation
                ON CONFLICT DO NOTHING
                RETURNING user_id)
            SELECT EXISTS (SELECT 1 FROM invitation)
                OR EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = @Id AND user_id = @ActorId) AS ok,
                   EXISTS (SELECT 1 FROM joined) AS joined;
            """;

        private sealed record Row(bool Ok, bool Joined);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(Sql, c, tx, cancellationToken: ct));
            if (!row.Ok)
                throw new NotFoundException("No invitation to join this organisation for your confirmed e-mail address.");
            if (row.Joined) // joining again as a member changes nothing: no event
                await events.RecordAsync(
                    tx,
                    EventType.OrganisationMemberJoined,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Platform,
                    null,
                    new { userId = c.ActorId, role = "member" },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Join an organisation that invited your confirmed e-mail address.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
