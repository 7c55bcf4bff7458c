using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Ideas;

/// <summary>The author's own rules: an idea may be edited or withdrawn while the city has not taken it up and its phase is open.</summary>
internal static class AuthorRules
{
    private const string PhaseSql = """
        SELECT ph.settings->>'map' = 'true' AS map_required,
               ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now()) AS active
          FROM phases ph WHERE ph.id = @PhaseId;
        """;

    public sealed record PostingPhase(bool MapRequired, bool Active);

    /// <summary>Locks the idea and checks the caller may change it; returns it with the phase it was posted in.</summary>
    public static async Task<(IdeaAccess Idea, PostingPhase Phase)> RequireAuthorChangeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid actorId,
        Guid ideaId,
        ParticipationAction action,
        CancellationToken ct
    )
    {
        var idea = await IdeaAccess.LoadAsync(connection, actorId, ideaId, tx, ct, forUpdate: true);
        if (!idea.IsAuthor(actorId))
            throw new ForbiddenException("Only the idea's author can do this.");
        if (idea.Withdrawn)
            throw new ConflictException(Messages.Get("idea_withdrawn"));
        if (idea.ProjectStatus == "archived")
            throw ActionPolicy.Refuse(action, RefusalReason.ProjectArchived);
        if (!IdeaStatuses.AuthorMayChange(idea.Status) || idea.Hidden)
            throw new ConflictException(Messages.Get("idea_locked"));
        var phase = idea.PhaseId is { } id
            ? await connection.QuerySingleOrDefaultAsync<PostingPhase>(
                new CommandDefinition(PhaseSql, new { PhaseId = id }, tx, cancellationToken: ct)
            )
            : null;
        if (phase is not { Active: true })
            throw ActionPolicy.Refuse(action, RefusalReason.PhaseNotActive);
        return (idea, phase);
    }
}

/// <summary>The author rewrites their idea (title, text, topics, location); it is marked edited.</summary>
public static class UpdateIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId, IdeaFields Idea) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Idea).SetValidator(new IdeaFieldsRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // The idea is locked by this transaction (AuthorRules): the joined row is its value before this update.
        private const string Sql = """
            UPDATE ideas i SET title = @Title, body = @Body, area_id = @AreaId, area_chosen = @AreaChosen,
                   latitude = @Latitude, longitude = @Longitude, location_label = @LocationLabel,
                   edited_at = now(), updated_at = now()
              FROM ideas old
             WHERE i.id = @IdeaId AND old.id = i.id
            RETURNING old.title, old.body, idea_topic_names(old.id, 'fr') AS topics, old.area_id, old.latitude, old.longitude,
                      old.location_label;
            """;

        private const string TagsSql = "SELECT idea_topic_ids(id) AS topic_ids, area_id, area_chosen FROM ideas WHERE id = @IdeaId;";

        private sealed class Tags
        {
            public Guid[] TopicIds { get; init; } = [];
            public Guid? AreaId { get; init; }
            public bool AreaChosen { get; init; }
        }

        private sealed class Fields
        {
            public string Title { get; init; } = "";
            public string Body { get; init; } = "";
            public string[] Topics { get; init; } = [];
            public Guid? AreaId { get; init; }
            public double? Latitude { get; init; }
            public double? Longitude { get; init; }
            public string? LocationLabel { get; init; }
        }

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var r = c.Idea;
            var body = RichText.Sanitize(r.Body);
            if (body.Length == 0)
                throw new ValidationException([new ValidationFailure("body", Messages.Get("required"))]);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (idea, phase) = await AuthorRules.RequireAuthorChangeAsync(
                connection,
                tx,
                c.ActorId,
                c.IdeaId,
                ParticipationAction.Edit,
                ct
            );
            if (phase.MapRequired && r.Latitude is null)
                throw new ValidationException([new ValidationFailure("latitude", Messages.Get("location_required"))]);
            var current = await connection.QuerySingleAsync<Tags>(
                new CommandDefinition(TagsSql, new { c.IdeaId }, tx, cancellationToken: ct)
            );
            // The area derived from the place, sent back as it was (forms send the area they show): derived again from the
            // place, which may have moved. Another area, or the same one the author chose: chosen.
            var chosen = r.AreaId is { } sent && (sent != current.AreaId || current.AreaChosen);
            var (tags, areaId) = await IdeaFieldsRules.ResolveTagsAsync(
                connection,
                tx,
                chosen ? r : r with { AreaId = null },
                current.TopicIds,
                current.AreaId,
                ct
            );
            var now = new Fields
            {
                Title = r.Title.Trim(),
                Body = body,
                Topics = tags.Names,
                AreaId = areaId,
                Latitude = r.Latitude,
                Longitude = r.Longitude,
                LocationLabel = string.IsNullOrWhiteSpace(r.LocationLabel) ? null : r.LocationLabel.Trim(),
            };
            var was = await connection.QuerySingleAsync<Fields>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.IdeaId,
                        now.Title,
                        now.Body,
                        now.AreaId,
                        AreaChosen = chosen,
                        now.Latitude,
                        now.Longitude,
                        now.LocationLabel,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await TopicTags.SetIdeaAsync(connection, tx, c.IdeaId, tags.Ids, ct);
            // The same text again still marks the idea edited, as it always did, but is no new fact.
            if (
                Changes.Of(
                    ("title", was.Title, now.Title),
                    ("body", was.Body, now.Body),
                    ("topics", was.Topics, now.Topics),
                    ("areaId", was.AreaId, now.AreaId),
                    ("latitude", was.Latitude, now.Latitude),
                    ("longitude", was.Longitude, now.Longitude),
                    ("locationLabel", was.LocationLabel, now.LocationLabel)
                ) is
                { } diff
            )
                await events.RecordAsync(
                    tx,
                    EventType.IdeaEdited,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    diff.Before,
                    diff.After,
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Edit your idea while the city has not taken it up and its phase is open.")]
    public static async Task<Ok<GetIdea.Response>> Endpoint(Guid id, IdeaFields body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        await sender.Send(new Command(actor, id, body), ct);
        return TypedResults.Ok(await sender.Send(new GetIdea.Query(actor, id), ct));
    }
}
