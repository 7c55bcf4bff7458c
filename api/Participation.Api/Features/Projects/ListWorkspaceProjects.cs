using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Projects;

/// <summary>
/// The staff workspace: every project the caller runs, drafts included: all for admins, their
/// departments' for department heads, their own for moderators. Recently changed first.
/// </summary>
public static class ListWorkspaceProjects
{
    public sealed record Query(Guid ActorId, ProjectStatus? Status, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Project(
        Guid Id,
        GetProject.Department Department,
        IReadOnlyDictionary<string, string> Title,
        ProjectStatus Status,
        int PhaseCount,
        DateTimeOffset UpdatedAt,
        bool Moderator
    );

    public sealed record Response(IReadOnlyList<Project> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum().WithMessage(_ => Messages.Get("one_of_project_statuses"));
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT p.id, p.department_id, d.name::text AS department_name, p.title::text AS title, p.status, p.updated_at,
                   (SELECT count(*)::int FROM phases ph WHERE ph.project_id = p.id) AS phase_count,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role = 'project_moderator'
                           AND r.project_id = p.id) AS moderator
              FROM projects p JOIN departments d ON d.id = p.department_id
             WHERE {ProjectStaff.IsStaffOf}
               AND (@Status::text IS NULL OR p.status = @Status)
               AND (@AfterAt::timestamptz IS NULL OR (p.updated_at, p.id) < (@AfterAt, @AfterId))
             ORDER BY p.updated_at DESC, p.id DESC
             LIMIT @Take;
            """;

        private sealed record Row(
            Guid Id,
            Guid DepartmentId,
            string DepartmentName,
            string Title,
            string Status,
            DateTime UpdatedAt,
            int PhaseCount,
            bool Moderator
        );

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
                            q.ActorId,
                            Status = q.Status.ToWire(),
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.UpdatedAt, r.Id));
            return new Response(
                page.Select(r => new Project(
                        r.Id,
                        new GetProject.Department(r.DepartmentId, LocalizedText.FromJson(r.DepartmentName)),
                        LocalizedText.FromJson(r.Title),
                        r.Status.ToEnum<ProjectStatus>(),
                        r.PhaseCount,
                        r.UpdatedAt.AsUtc(),
                        r.Moderator
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: a status filter and the page.</summary>
    public sealed record QueryString([property: QueryEnum<ProjectStatus>] string? Status, string? Cursor, int? Limit);

    [EndpointSummary("The projects you run (drafts included): admins all, department heads their departments', moderators theirs.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<ProjectStatus>(q.Status), q.Cursor, q.Limit), ct);
}
