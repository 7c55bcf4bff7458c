using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>Staff cancel a scheduled campaign before it is sent (once its recipients are frozen, it can no longer be).</summary>
public static class CancelCampaign
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<Campaign>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Campaign>
    {
        // Waits for a send in progress (the job holds the row), then sees it sent: a 409, never a half-cancelled send.
        private const string Sql = """
            UPDATE campaigns SET status = 'cancelled', updated_at = now()
             WHERE id = @Id AND status = 'scheduled'
            RETURNING subject;
            """;

        private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = @Id);";

        public async ValueTask<Campaign> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var subject = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, new { c.Id }, tx, cancellationToken: ct));
            if (subject is null)
                throw await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { c.Id }, tx, cancellationToken: ct))
                    ? new ConflictException(Messages.Get("campaign_not_scheduled"))
                    : new NotFoundException();
            await events.RecordAsync(
                tx,
                EventType.CampaignCancelled,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: new { status = "scheduled" },
                after: new { status = "cancelled" },
                data: new { subject },
                ct: ct
            );
            var campaign = await CampaignRows.ReadAsync(connection, tx, c.Id, ct) ?? throw new NotFoundException();
            await tx.CommitAsync(ct);
            return campaign;
        }
    }

    [EndpointSummary("Cancel a scheduled campaign before it is sent (communication managers and admins).")]
    public static ValueTask<Campaign> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
