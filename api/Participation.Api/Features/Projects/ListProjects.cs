using Participation.Api.Features.Phases;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Projects;

/// <summary>
/// The public project list: published and archived projects only (drafts never appear, not even in
/// counts). Filters: department, topic (by id; by name for old clients), area, status, the current phase's method, text search.
/// Sorted newest first or by the current phase ending soonest; keyset pages; one SQL statement whatever the page size.
/// </summary>
public static class ListProjects
{
    public sealed record Query(
        Guid? DepartmentId,
        string? Topic,
        ProjectStatus? Status,
        PhaseMethod? Method,
        string? Search,
        ProjectSort? Sort,
        string? Cursor,
        int? Limit,
        Guid? TopicId = null,
        Guid? AreaId = null
    ) : IQuery<Response>;

    public sealed record CurrentPhase(Guid Id, PhaseMethod Method, DateTimeOffset? EndsAt);

    public sealed record Project(
        Guid Id,
        GetProject.Department Department,
        IReadOnlyDictionary<string, string> Title,
        IReadOnlyDictionary<string, string> Summary,
        IReadOnlyList<string> Topics,
        ProjectStatus Status,
        string? ImageUrl,
        DateTimeOffset? PublishedAt,
        CurrentPhase? CurrentPhase,
        // Always sent (empty when untagged); optional in the contract only because fields added to 1.x responses are.
        IReadOnlyList<Guid>? TopicIds,
        IReadOnlyList<Guid>? AreaIds,
        // The readable part of the project's address (/projects/{slug}); always sent.
        string? Slug = null
    );

    public sealed record Response(IReadOnlyList<Project> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status)
                .Must(s => s is null or ProjectStatus.Published or ProjectStatus.Archived)
                .WithMessage(_ => Messages.Get("one_of_published_archived"));
            RuleFor(q => q.Method).IsInEnum().WithMessage(_ => Messages.Get("unknown_method"));
            RuleFor(q => q.Sort).IsInEnum().WithMessage(_ => Messages.Get("one_of_project_sorts"));
            RuleFor(q => q.Topic).PlainText(40);
            RuleFor(q => q.Search).PlainText(100);
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        // The sort key: newest = published_at (descending); ending_soon = the current phase's end (ascending,
        // open-ended and phase-less projects last). Both are keyset-paginated on (key, id).
        private static readonly string TopicFilter = TopicTags.Filter("project_topics", "project_id", "p.id");

        private static readonly string Sql = $"""
            SELECT p.id, p.slug, p.department_id, d.name::text AS department_name, p.title::text AS title, p.summary::text AS summary,
                   project_topic_names(p.id, @Lang) AS topics, project_topic_ids(p.id) AS topic_ids,
                   project_area_ids(p.id) AS area_ids, p.status, p.image_key, p.published_at, cur.id AS phase_id,
                   cur.method AS phase_method,
                   cur.ends_at AS phase_ends_at,
                   CASE WHEN @EndingSoon THEN coalesce(cur.ends_at, 'infinity') ELSE p.published_at END AS sort_key
              FROM projects p
              JOIN departments d ON d.id = p.department_id
              LEFT JOIN LATERAL (
                    SELECT ph.id, ph.method, ph.ends_at FROM phases ph
                     WHERE ph.project_id = p.id AND ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now())
                     LIMIT 1) cur ON true
             WHERE p.status IN ('published', 'archived')
               AND (@Status::text IS NULL OR p.status = @Status)
               AND (@DepartmentId::uuid IS NULL OR p.department_id = @DepartmentId)
               AND (@Topic::text IS NULL AND @TopicId::uuid IS NULL OR {TopicFilter})
               AND (@AreaId::uuid IS NULL OR EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = p.id AND pa.area_id = @AreaId))
               AND (@Method::text IS NULL OR cur.method = @Method)
               AND (@Search::text IS NULL OR p.search @@ plainto_tsquery('simple', @Search))
               AND (@AfterAt::timestamptz IS NULL
                    OR (@EndingSoon AND (coalesce(cur.ends_at, 'infinity'), p.id) > (@AfterAt, @AfterId))
                    OR (NOT @EndingSoon AND (p.published_at, p.id) < (@AfterAt, @AfterId)))
             ORDER BY CASE WHEN @EndingSoon THEN coalesce(cur.ends_at, 'infinity') END ASC,
                      CASE WHEN NOT @EndingSoon THEN p.published_at END DESC,
                      CASE WHEN @EndingSoon THEN p.id END ASC,
                      CASE WHEN NOT @EndingSoon THEN p.id END DESC
             LIMIT @Take;
            """;

        private sealed class Row
        {
            public Guid Id { get; init; }
            public string Slug { get; init; } = "";
            public Guid DepartmentId { get; init; }
            public string DepartmentName { get; init; } = "{}";
            public string Title { get; init; } = "{}";
            public string Summary { get; init; } = "{}";
            public string[] Topics { get; init; } = [];
            public Guid[] TopicIds { get; init; } = [];
            public Guid[] AreaIds { get; init; } = [];
            public string Status { get; init; } = "";
            public string? ImageKey { get; init; }
            public DateTime? PublishedAt { get; init; }
            public Guid? PhaseId { get; init; }
            public string? PhaseMethod { get; init; }
            public DateTime? PhaseEndsAt { get; init; }
            public DateTime SortKey { get; init; }
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            EndingSoon = q.Sort == ProjectSort.EndingSoon,
                            Status = q.Status.ToWire(),
                            q.DepartmentId,
                            Topic = string.IsNullOrWhiteSpace(q.Topic) ? null : q.Topic.Trim().ToLowerInvariant(),
                            q.TopicId,
                            q.AreaId,
                            Lang = RequestLanguage.Current,
                            Method = q.Method.ToWire(),
                            Search = string.IsNullOrWhiteSpace(q.Search) ? null : q.Search.Trim(),
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.SortKey, r.Id));
            return new Response(
                page.Select(r => new Project(
                        r.Id,
                        new GetProject.Department(r.DepartmentId, LocalizedText.FromJson(r.DepartmentName)),
                        LocalizedText.FromJson(r.Title),
                        LocalizedText.FromJson(r.Summary),
                        r.Topics,
                        r.Status.ToEnum<ProjectStatus>(),
                        GetProjectImage.UrlOf(r.Id, r.ImageKey),
                        r.PublishedAt.AsUtc(),
                        r.PhaseId is { } phase
                            ? new CurrentPhase(phase, r.PhaseMethod!.ToEnum<PhaseMethod>(), r.PhaseEndsAt.AsUtc())
                            : null,
                        r.TopicIds,
                        r.AreaIds,
                        r.Slug
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: filters (department, topic, area, status, current method, text), the order and the page.</summary>
    public sealed record QueryString(
        Guid? DepartmentId,
        string? Topic,
        [property: QueryEnum<ProjectStatus>] string? Status,
        [property: QueryEnum<PhaseMethod>] string? Method,
        string? Search,
        [property: QueryEnum<ProjectSort>] string? Sort,
        string? Cursor,
        int? Limit,
        Guid? TopicId,
        Guid? AreaId
    );

    [EndpointSummary(
        "Published and archived projects: filter by department, topic, area, status, current method or text; newest or ending soon."
    )]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(
            new Query(
                q.DepartmentId,
                q.Topic,
                WireEnum.FromQuery<ProjectStatus>(q.Status),
                WireEnum.FromQuery<PhaseMethod>(q.Method),
                q.Search,
                WireEnum.FromQuery<ProjectSort>(q.Sort),
                q.Cursor,
                q.Limit,
                q.TopicId,
                q.AreaId
            ),
            ct
        );
}
