namespace Participation.Api.Features.Figures;

/// <summary>
/// The dashboards the caller may open, for the picker and the landing page: the platform's (admins, platform-wide
/// officials), departments' (all for them; otherwise the departments one heads or is an official of) and projects' (those
/// one moderates; heads and officials reach their departments' projects from the department's dashboard). <c>Home</c> is
/// the widest of them, where an official lands after signing in (none for someone without any).
/// </summary>
public static class ListDashboardScopes
{
    public sealed record Query(Guid UserId) : IQuery<Response>;

    public sealed record Item(FigureScopeType Type, Guid? Id, string Name);

    public sealed record Response(bool Platform, IReadOnlyList<Item> Departments, IReadOnlyList<Item> Projects, Item? Home);

    private const string Sql = """
        WITH me AS (SELECT role, scope_type, department_id, project_id FROM user_roles WHERE user_id = @UserId),
        wide AS (SELECT EXISTS (SELECT 1 FROM me WHERE role = 'admin' OR (role = 'elected_official' AND scope_type = 'platform')) AS yes)
        SELECT (SELECT yes FROM wide) AS platform, (SELECT name FROM platform_settings LIMIT 1) AS platform_name;

        WITH me AS (SELECT role, scope_type, department_id FROM user_roles WHERE user_id = @UserId)
        SELECT d.id, coalesce(d.name ->> @Language, d.name ->> 'fr') AS name FROM departments d
         WHERE EXISTS (SELECT 1 FROM me WHERE role = 'admin' OR (role = 'elected_official' AND scope_type = 'platform'))
            OR d.id IN (SELECT department_id FROM me WHERE role IN ('department_head', 'elected_official'))
         ORDER BY 2, d.id;

        SELECT p.id, coalesce(p.title ->> @Language, p.title ->> 'fr') AS name FROM projects p
         WHERE p.id IN (SELECT project_id FROM user_roles WHERE user_id = @UserId AND role = 'project_moderator')
         ORDER BY p.created_at DESC, p.id
         LIMIT 100;
        """;

    private sealed record Head(bool Platform, string PlatformName);

    private sealed record Named(Guid Id, string Name);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(Sql, new { q.UserId, Language = RequestLanguage.Current }, cancellationToken: ct)
            );
            var head = await grid.ReadSingleAsync<Head>();
            var departments = (await grid.ReadAsync<Named>()).Select(d => new Item(FigureScopeType.Department, d.Id, d.Name)).ToList();
            var projects = (await grid.ReadAsync<Named>()).Select(p => new Item(FigureScopeType.Project, p.Id, p.Name)).ToList();
            var home = head.Platform
                ? new Item(FigureScopeType.Platform, null, head.PlatformName)
                : departments.FirstOrDefault() ?? projects.FirstOrDefault();
            return new Response(head.Platform, departments, projects, home);
        }
    }

    [EndpointSummary("The dashboards the caller may open (platform, departments, projects) and the one to land on.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
