using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// Staff send a draft campaign now or at a later time: it becomes scheduled, and the campaigns job sends it once due
/// (cancellable until then).
/// </summary>
public static class ScheduleCampaign
{
    public sealed record Request(DateTimeOffset? ScheduledAt);

    public sealed record Command(Guid ActorId, Guid Id, DateTimeOffset? ScheduledAt) : ICommand<Campaign>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ScheduledAt)
                .Must(at => at is not { } t || (t >= DateTimeOffset.UtcNow.AddMinutes(-5) && t <= DateTimeOffset.UtcNow.AddDays(366)))
                .WithMessage(_ => Messages.Get("campaign_schedule_range"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Campaign>
    {
        private const string Sql = """
            UPDATE campaigns SET status = 'scheduled', scheduled_at = coalesce(@ScheduledAt, now()), updated_at = now()
             WHERE id = @Id AND status = 'draft'
            RETURNING subject, scheduled_at;
            """;

        private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = @Id);";

        private sealed record Row(string Subject, DateTime ScheduledAt);

        public async ValueTask<Campaign> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { c.Id, ScheduledAt = c.ScheduledAt?.UtcDateTime }, tx, cancellationToken: ct)
            );
            if (row is null)
                throw await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { c.Id }, tx, cancellationToken: ct))
                    ? new ConflictException(Messages.Get("campaign_not_draft"))
                    : new NotFoundException();
            await events.RecordAsync(
                tx,
                EventType.CampaignScheduled,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                after: new { status = "scheduled", scheduledAt = row.ScheduledAt.AsUtc() },
                data: new { subject = row.Subject },
                ct: ct
            );
            var campaign = await CampaignRows.ReadAsync(connection, tx, c.Id, ct) ?? throw new NotFoundException();
            await tx.CommitAsync(ct);
            return campaign;
        }
    }

    [EndpointSummary("Send a draft campaign now (no time) or at a later time (communication managers and admins).")]
    public static ValueTask<Campaign> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.ScheduledAt), ct);
}
