using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>Staff rewrite a draft campaign (a scheduled one is cancelled first, a sent one never changes).</summary>
public static class UpdateCampaign
{
    public sealed record Command(Guid ActorId, Guid Id, CampaignDraft Draft) : ICommand<Campaign>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Draft).NotNull().SetValidator(new CampaignDraftRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Campaign>
    {
        private const string LockSql = "SELECT status FROM campaigns WHERE id = @Id FOR UPDATE;";

        private const string Sql = """
            UPDATE campaigns SET subject = @Subject, body_html = @Body, language = @Language, segment_kind = @Kind,
                   segment_project_id = @ProjectId, segment_roles = @Roles,
                   segment_area_id = @AreaId, updated_at = now()
             WHERE id = @Id;
            """;

        public async ValueTask<Campaign> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var status = await connection.ExecuteScalarAsync<string?>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (status != "draft")
                throw new ConflictException(Messages.Get("campaign_not_draft"));
            await CampaignAccess.RequireProjectAsync(connection, tx, c.Draft.Segment, ct);
            var fields = CampaignFields.Of(c.Draft);
            await connection.ExecuteAsync(new CommandDefinition(Sql, fields.Parameters(c.Id, c.ActorId), tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.CampaignEdited,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                after: fields.Summary(),
                data: new { subject = fields.Subject },
                ct: ct
            );
            var campaign = await CampaignRows.ReadAsync(connection, tx, c.Id, ct) ?? throw new NotFoundException();
            await tx.CommitAsync(ct);
            return campaign;
        }
    }

    [EndpointSummary("Rewrite a draft campaign (communication managers and admins).")]
    public static ValueTask<Campaign> Endpoint(Guid id, CampaignDraft body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
