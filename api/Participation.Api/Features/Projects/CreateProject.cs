using System.Text.Json;
using Participation.Api.Features.Areas;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Projects;

/// <summary>An admin, or a head of the department, creates a project (a draft) in a department.</summary>
public static class CreateProject
{
    public sealed record Request(
        Guid DepartmentId,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics,
        IReadOnlyList<Guid>? TopicIds = null,
        IReadOnlyList<Guid>? AreaIds = null
    );

    public sealed record Command(
        Guid ActorId,
        Guid DepartmentId,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics,
        IReadOnlyList<Guid>? TopicIds = null,
        IReadOnlyList<Guid>? AreaIds = null
    ) : ICommand<Response>, IProjectTexts;

    public sealed record Response(Guid Id, ProjectStatus Status, string? Slug = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ProjectTextsRules<Command>(creating: true));
            RuleFor(c => c.TopicIds).TopicIds();
            RuleFor(c => c.AreaIds).AreaIds();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            INSERT INTO projects (id, slug, department_id, title, summary, description, goals, target_audience, created_by)
            SELECT @Id, @Slug, d.id, CAST(@Title AS jsonb), coalesce(CAST(@Summary AS jsonb), '{}'),
                   coalesce(CAST(@Description AS jsonb), '{}'),
                   coalesce(CAST(@Goals AS jsonb), '{}'), coalesce(CAST(@TargetAudience AS jsonb), '{}'),
                   @ActorId
              FROM departments d WHERE d.id = @DepartmentId
            RETURNING jsonb_build_object('departmentId', department_id, 'status', status, 'title', title, 'slug', slug, 'summary', summary,
                                         'topics', CAST(@TopicNames AS text[]), 'areaIds', CAST(@AreaIds AS uuid[])) AS after;
            """;

        /// <summary>Slugs any project holds or held (a project's old slugs keep leading to it).</summary>
        internal const string TakenSql = "SELECT slug FROM project_slugs WHERE slug = @Base OR slug LIKE @Prefix;";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (
                !await Roles.IsAdminAsync(connection, c.ActorId, null, ct)
                && !await Roles.HeadsDepartmentAsync(connection, c.ActorId, c.DepartmentId, null, ct)
            )
                throw new ForbiddenException();
            var id = Guid.CreateVersion7();
            var parameters = new DynamicParameters(c.ToParameters());
            parameters.AddDynamicParams(
                new
                {
                    Id = id,
                    c.ActorId,
                    c.DepartmentId,
                }
            );
            await using var tx = await connection.BeginTransactionAsync(ct);
            var topics = await TopicTags.ResolveAsync(connection, tx, c.TopicIds, c.Topics, [], ct) ?? new([], []);
            var areas = await AreaTags.ResolveAsync(connection, tx, c.AreaIds ?? [], [], "areaIds", ct);
            var slug = await Slugs.FreeAsync(connection, tx, "project", Slugs.From(c.Title, "project"), TakenSql, null, ct);
            parameters.AddDynamicParams(
                new
                {
                    TopicNames = topics.Names,
                    AreaIds = areas,
                    Slug = slug,
                }
            );
            var created = await connection.QuerySingleOrDefaultAsync<string?>(
                new CommandDefinition(Sql, parameters, tx, cancellationToken: ct)
            ) ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("departmentId", "Unknown department.")]);
            await TopicTags.SetProjectAsync(connection, tx, id, topics.Ids, ct);
            await AreaTags.SetProjectAsync(connection, tx, id, areas, ct);
            var after = JsonSerializer.Deserialize<JsonElement>(created);
            await events.RecordAsync(
                tx,
                EventType.ProjectCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Project(id),
                before: null,
                after,
                data: new { title = after.GetProperty("title") },
                ct
            );
            await tx.CommitAsync(ct);
            return new Response(id, ProjectStatus.Draft, slug);
        }
    }

    [EndpointSummary("Create a draft project in a department (admin, or a head of that department).")]
    public static async Task<Created<Response>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(
            new Command(
                caller.UserId,
                body.DepartmentId,
                body.Title,
                body.Summary,
                body.Description,
                body.Goals,
                body.TargetAudience,
                body.Topics,
                body.TopicIds,
                body.AreaIds
            ),
            ct
        );
        return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
    }
}
