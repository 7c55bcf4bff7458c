using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// A resident posts an idea in the project's current ideation phase, as themselves or for a verified
/// organisation they belong to. The phase decides who may post, how many ideas each person may post
/// (counted atomically), whether a location is required and whether ideas wait for pre-moderation.
/// The idea is recorded (not audited) and the project's moderators are notified.
/// </summary>
public static class SubmitIdea
{
    public sealed record Request(
        string Title,
        string Body,
        IReadOnlyList<string>? Topics,
        double? Latitude,
        double? Longitude,
        string? LocationLabel,
        Guid? OrganisationId,
        IReadOnlyList<Guid>? TopicIds = null,
        Guid? AreaId = null
    );

    public sealed record Command(Guid ActorId, Guid ProjectId, Request Idea) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => new IdeaFields(
                    c.Idea.Title,
                    c.Idea.Body,
                    c.Idea.Topics,
                    c.Idea.Latitude,
                    c.Idea.Longitude,
                    c.Idea.LocationLabel,
                    c.Idea.TopicIds,
                    c.Idea.AreaId
                ))
                .SetValidator(new IdeaFieldsRules())
                .OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Guid>
    {
        private const string CountSql = """
            INSERT INTO phase_participants AS pp (phase_id, user_id, ideas) VALUES (@PhaseId, @ActorId, 1)
            ON CONFLICT (phase_id, user_id) DO UPDATE SET ideas = pp.ideas + 1 WHERE @Limit::int IS NULL OR pp.ideas < @Limit
            RETURNING pp.ideas;
            """;

        private const string OrganisationSql = """
            SELECT EXISTS (SELECT 1 FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
                            WHERE m.organisation_id = @OrganisationId AND m.user_id = @ActorId AND o.status = 'verified');
            """;

        private const string InsertSql = """
            INSERT INTO ideas (id, slug, project_id, phase_id, author_id, organisation_id, title, body, area_id, area_chosen,
                               latitude, longitude, location_label, status, trending_score)
            VALUES (@Id, @Slug, @ProjectId, @PhaseId, @ActorId, @OrganisationId, @Title, @Body, @AreaId, @AreaChosen,
                    @Latitude, @Longitude, @LocationLabel,
                    @Status,
                    idea_trending(0, 0, 0, now(), now()));
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, changed_by) VALUES (@Id, NULL, @Status, @ActorId);
            SELECT coalesce(o.name, u.first_name || ' ' || u.last_name) FROM users u LEFT JOIN organisations o ON o.id = @OrganisationId
                   WHERE u.id = @ActorId;
            """;

        // "new" is the web app's form to post an idea (/projects/{project}/ideas/new): never an idea's slug.
        private const string TakenSql = """
            SELECT slug FROM ideas WHERE project_id = @ProjectId AND (slug = @Base OR slug LIKE @Prefix) UNION ALL SELECT 'new';
            """;

        public async ValueTask<Guid> Handle(Command c, CancellationToken ct)
        {
            var r = c.Idea;
            var body = RichText.Sanitize(r.Body);
            if (body.Length == 0)
                throw new ValidationException([new ValidationFailure("body", Messages.Get("required"))]);

            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (phase, settings) = await ActionPolicy.RequireAsync(
                connection,
                c.ActorId,
                c.ProjectId,
                ParticipationAction.PostIdea,
                tx,
                ct
            );
            if (settings.Map == true && r.Latitude is null)
                throw new ValidationException([new ValidationFailure("latitude", Messages.Get("location_required"))]);
            if (
                r.OrganisationId is { } org
                && !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(OrganisationSql, new { OrganisationId = org, c.ActorId }, tx, cancellationToken: ct)
                )
            )
                throw new ValidationException([new ValidationFailure("organisationId", Messages.Get("not_organisation_member"))]);
            if (
                await connection.ExecuteScalarAsync<int?>(
                    new CommandDefinition(
                        CountSql,
                        new
                        {
                            PhaseId = phase.Id,
                            c.ActorId,
                            Limit = settings.IdeasPerUser,
                        },
                        tx,
                        cancellationToken: ct
                    )
                )
                is null
            )
                throw ActionPolicy.Refuse(ParticipationAction.PostIdea, RefusalReason.LimitReached);

            var id = Guid.CreateVersion7();
            var status = (settings.PreModeration == true ? IdeaStatus.Prescreening : IdeaStatus.Proposed).ToWire();
            var title = r.Title.Trim();
            var fields = new IdeaFields(r.Title, r.Body, r.Topics, r.Latitude, r.Longitude, r.LocationLabel, r.TopicIds, r.AreaId);
            var (tags, areaId) = await IdeaFieldsRules.ResolveTagsAsync(connection, tx, fields, [], null, ct);
            var slug = await Slugs.FreeAsync(
                connection,
                tx,
                "idea:" + c.ProjectId,
                Slugs.From(title, "idea"),
                TakenSql,
                new { c.ProjectId },
                ct
            );
            var authorName = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        Slug = slug,
                        c.ProjectId,
                        PhaseId = phase.Id,
                        c.ActorId,
                        r.OrganisationId,
                        Title = title,
                        Body = body,
                        AreaId = areaId,
                        AreaChosen = r.AreaId is not null,
                        r.Latitude,
                        r.Longitude,
                        LocationLabel = string.IsNullOrWhiteSpace(r.LocationLabel) ? null : r.LocationLabel.Trim(),
                        Status = status,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await TopicTags.SetIdeaAsync(connection, tx, id, tags.Ids, ct);
            await events.RecordAsync(
                tx,
                EventType.IdeaSubmitted,
                Actor.User(c.ActorId),
                id,
                Scope.Phase(phase.Id, c.ProjectId),
                after: new
                {
                    title,
                    status,
                    organisationId = r.OrganisationId,
                    topics = tags.Names,
                    areaId,
                    latitude = r.Latitude,
                    longitude = r.Longitude,
                },
                data: new { authorKind = r.OrganisationId is null ? AuthorKind.Person : AuthorKind.Organisation, authorName },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return id;
        }
    }

    [EndpointSummary("Post an idea in the project's current ideation phase (as yourself or a verified organisation you belong to).")]
    public static async Task<Created<GetIdea.Response>> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        var ideaId = await sender.Send(new Command(actor, id, body), ct);
        return TypedResults.Created($"/api/v1/ideas/{ideaId}", await sender.Send(new GetIdea.Query(actor, ideaId), ct));
    }
}
