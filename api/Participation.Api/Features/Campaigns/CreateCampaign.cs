using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Campaigns;

/// <summary>Communication managers and admins write a campaign: a draft, sent only once scheduled.</summary>
public static class CreateCampaign
{
    public sealed record Command(Guid ActorId, CampaignDraft Draft) : ICommand<Campaign>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Draft).NotNull().SetValidator(new CampaignDraftRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Campaign>
    {
        private const string Sql = """
            INSERT INTO campaigns (id, subject, body_html, language, segment_kind, segment_project_id, segment_roles, segment_area_id,
                                   created_by)
            VALUES (@Id, @Subject, @Body, @Language, @Kind, @ProjectId, @Roles, @AreaId, @ActorId);
            """;

        public async ValueTask<Campaign> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await CampaignAccess.RequireProjectAsync(connection, tx, c.Draft.Segment, ct);
            var id = Guid.CreateVersion7();
            var fields = CampaignFields.Of(c.Draft);
            await connection.ExecuteAsync(new CommandDefinition(Sql, fields.Parameters(id, c.ActorId), tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.CampaignCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                after: fields.Summary(),
                data: new { subject = fields.Subject },
                ct: ct
            );
            var campaign = await CampaignRows.ReadAsync(connection, tx, id, ct) ?? throw new NotFoundException();
            await tx.CommitAsync(ct);
            return campaign;
        }
    }

    [EndpointSummary("Write a campaign (a draft) with its segment (communication managers and admins).")]
    public static async Task<Created<Campaign>> Endpoint(CampaignDraft body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller.UserId, body), ct);
        return TypedResults.Created($"/api/v1/campaigns/{created.Id}", created);
    }
}

/// <summary>A draft as stored: trimmed subject, sanitised body, language (French by default), segment parameters.</summary>
internal sealed record CampaignFields(
    string Subject,
    string Body,
    string Language,
    string Kind,
    Guid? ProjectId,
    string[] Roles,
    Guid? AreaId
)
{
    public static CampaignFields Of(CampaignDraft d) =>
        new(
            d.Subject.Trim(),
            RichText.Sanitize(d.Body),
            (d.Language ?? CampaignLanguage.Fr).ToWire(),
            d.Segment.Kind.ToWire(),
            d.Segment.Project,
            d.Segment.RoleWires,
            d.Segment.Area
        );

    public object Parameters(Guid id, Guid actorId) =>
        new
        {
            Id = id,
            ActorId = actorId,
            Subject,
            Body,
            Language,
            Kind,
            ProjectId,
            Roles,
            AreaId,
        };

    /// <summary>What the events keep (the body by its length: the text itself stays in the campaign).</summary>
    public object Summary() =>
        new
        {
            subject = Subject,
            bodyLength = Body.Length,
            language = Language,
            segment = new
            {
                kind = Kind,
                projectId = ProjectId,
                roles = Roles,
                areaId = AreaId,
            },
        };
}
