using System.Text.Json;
using Participation.Api.Features.Areas;
using Participation.Api.Features.Events;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Projects;

/// <summary>Its staff (moderators, the department's heads, admins) edit a project page; absent fields stay as they are.</summary>
public static class UpdateProject
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics,
        IReadOnlyList<Guid>? TopicIds = null,
        IReadOnlyList<Guid>? AreaIds = null,
        string? Slug = null
    );

    public sealed record Command(
        Guid ActorId,
        Guid Id,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics,
        IReadOnlyList<Guid>? TopicIds = null,
        IReadOnlyList<Guid>? AreaIds = null,
        string? Slug = null
    ) : ICommand, IProjectTexts;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ProjectTextsRules<Command>(creating: false));
            RuleFor(c => c.TopicIds).TopicIds();
            RuleFor(c => c.AreaIds).AreaIds();
            RuleFor(c => c.Slug).Must(Slugs.IsValid).When(c => c.Slug is not null).WithMessage(_ => Messages.Get("project_slug"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // before/after: the previous and new values of the fields given (those named in the audit data).
        private const string Sql = """
            WITH previous AS (
                SELECT id, slug, title, summary, description, goals, target_audience, project_topic_names(id, 'fr') AS topics,
                       project_area_ids(id) AS area_ids
                  FROM projects WHERE id = @Id FOR UPDATE),
            updated AS (
                UPDATE projects p SET
                       title = coalesce(CAST(@Title AS jsonb), p.title),
                       summary = coalesce(CAST(@Summary AS jsonb), p.summary),
                       description = coalesce(CAST(@Description AS jsonb), p.description),
                       goals = coalesce(CAST(@Goals AS jsonb), p.goals),
                       target_audience = coalesce(CAST(@TargetAudience AS jsonb), p.target_audience),
                       slug = coalesce(@Slug, p.slug),
                       updated_at = now()
                  FROM previous WHERE p.id = previous.id
                RETURNING jsonb_build_object('title', previous.title, 'summary', previous.summary, 'description', previous.description,
                              'goals', previous.goals, 'targetAudience', previous.target_audience, 'topics', previous.topics,
                              'slug', previous.slug,
                              'areaIds', previous.area_ids) AS before,
                          jsonb_build_object('title', p.title, 'summary', p.summary, 'description', p.description,
                              'goals', p.goals, 'targetAudience', p.target_audience, 'slug', p.slug,
                              'topics', coalesce(CAST(@TopicNames AS text[]), previous.topics),
                              'areaIds', coalesce(CAST(@AreaIds AS uuid[]), previous.area_ids)) AS after)
            SELECT (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(before) WHERE key = ANY(@Fields)) AS before,
                   (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(after) WHERE key = ANY(@Fields)) AS after
              FROM updated;
            """;

        private sealed record Change(string Before, string After);

        private const string SlugTakenSql = "SELECT EXISTS (SELECT 1 FROM project_slugs WHERE slug = @Slug AND project_id <> @Id);";

        // The row lock first: the tags are resolved against the project's current ones (an archived topic may stay).
        private const string CurrentSql = """
            SELECT project_topic_ids(id) AS topic_ids, project_area_ids(id) AS area_ids FROM projects WHERE id = @Id FOR UPDATE;
            """;

        private sealed class Current
        {
            public Guid[] TopicIds { get; init; } = [];
            public Guid[] AreaIds { get; init; } = [];
        }

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var fields = new (string Name, object? Value)[]
            {
                ("title", c.Title),
                ("summary", c.Summary),
                ("description", c.Description),
                ("goals", c.Goals),
                ("targetAudience", c.TargetAudience),
                ("topics", (object?)c.TopicIds ?? c.Topics),
                ("areaIds", c.AreaIds),
                ("slug", c.Slug),
            }
                .Where(f => f.Value is not null)
                .Select(f => f.Name)
                .ToArray();
            var parameters = new DynamicParameters(c.ToParameters());
            parameters.AddDynamicParams(
                new
                {
                    c.Id,
                    Fields = fields,
                    c.Slug,
                }
            );
            await using var tx = await connection.BeginTransactionAsync(ct);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(
                new CommandDefinition(CurrentSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            var topics = await TopicTags.ResolveAsync(connection, tx, c.TopicIds, c.Topics, current.TopicIds, ct);
            var areas = c.AreaIds is null ? null : await AreaTags.ResolveAsync(connection, tx, c.AreaIds, current.AreaIds, "areaIds", ct);
            parameters.AddDynamicParams(new { TopicNames = topics?.Names, AreaIds = areas });
            if (c.Slug is not null)
            {
                // Writers of one slug wait for each other (creations too); a slug another project holds or held is refused.
                await Slugs.LockAsync(connection, tx, "project", c.Slug, ct);
                if (
                    await connection.ExecuteScalarAsync<bool>(
                        new CommandDefinition(SlugTakenSql, new { c.Id, c.Slug }, tx, cancellationToken: ct)
                    )
                )
                    throw new ConflictException(Messages.Get("project_slug_taken"), "slug");
            }
            Change? change;
            try
            {
                change = await connection.QuerySingleOrDefaultAsync<Change>(
                    new CommandDefinition(Sql, parameters, tx, cancellationToken: ct)
                );
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("projects_slug") || ex.IsUniqueViolation("project_slugs_pkey"))
            {
                // A creation that derived the same slug from its title committed first (it locks its title's base, not this slug).
                throw new ConflictException(Messages.Get("project_slug_taken"), "slug");
            }
            if (change is not null)
                await events.RecordAsync(
                    tx,
                    EventType.ProjectEdited,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Project(c.Id),
                    JsonSerializer.Deserialize<JsonElement>(change.Before),
                    JsonSerializer.Deserialize<JsonElement>(change.After),
                    new { fields },
                    ct
                );
            // After the statement above read the previous tags for the event.
            if (topics is not null)
                await TopicTags.SetProjectAsync(connection, tx, c.Id, topics.Ids, ct);
            if (areas is not null)
                await AreaTags.SetProjectAsync(connection, tx, c.Id, areas, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Edit a project page (its moderators, its department's heads, admins); rich text is sanitised.")]
    public static async Task<GetProject.Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        await sender.Send(
            new Command(
                actor,
                id,
                body.Title,
                body.Summary,
                body.Description,
                body.Goals,
                body.TargetAudience,
                body.Topics,
                body.TopicIds,
                body.AreaIds,
                body.Slug
            ),
            ct
        );
        return await sender.Send(new GetProject.Query(actor, id, null), ct);
    }
}
