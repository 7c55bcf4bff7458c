using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Projects;

/// <summary>
/// A project page with its timeline. Published and archived projects are public; a draft is seen by its
/// staff, or by anyone holding its current preview token (sent in the X-Preview-Token header, never in
/// a URL, so it stays out of logs). Staff also get the moderators and what they may change.
/// </summary>
public static class GetProject
{
    public sealed record Query(Guid? ActorId, Guid Id, string? PreviewToken) : IQuery<Response>;

    public sealed record Department(Guid Id, IReadOnlyDictionary<string, string> Name);

    public sealed record Phase(
        Guid Id,
        IReadOnlyDictionary<string, string> Title,
        IReadOnlyDictionary<string, string> Description,
        DateTimeOffset StartsAt,
        DateTimeOffset? EndsAt,
        PhaseMethod Method,
        PhaseSettings Settings,
        bool IsCurrent
    );

    public sealed record Person(Guid Id, string FirstName, string LastName);

    public sealed record StaffView(bool CanManageModerators, bool PreviewLinkActive, IReadOnlyList<Person> Moderators);

    public sealed record Response(
        Guid Id,
        Department Department,
        IReadOnlyDictionary<string, string> Title,
        IReadOnlyDictionary<string, string> Summary,
        IReadOnlyDictionary<string, string> Description,
        IReadOnlyDictionary<string, string> Goals,
        IReadOnlyDictionary<string, string> TargetAudience,
        IReadOnlyList<string> Topics,
        ProjectStatus Status,
        string? ImageUrl,
        DateTimeOffset? PublishedAt,
        DateTimeOffset UpdatedAt,
        IReadOnlyList<Phase> Phases,
        Guid? CurrentPhaseId,
        StaffView? Staff,
        // Always sent (empty when untagged); optional in the contract only because fields added to 1.x responses are.
        IReadOnlyList<Guid>? TopicIds,
        IReadOnlyList<Guid>? AreaIds,
        // The readable part of the project's address (/projects/{slug}); always sent.
        string? Slug = null,
        // Whether the caller follows the project (null when anonymous, as in the change feed); from GetProject and GetProjectBySlug.
        bool? FollowedByMe = null
    );

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT p.id, p.slug, p.department_id, d.name::text AS department_name, p.title::text AS title, p.summary::text AS summary,
                   p.description::text AS description, p.goals::text AS goals, p.target_audience::text AS target_audience,
                   project_topic_names(p.id, @Lang) AS topics, project_topic_ids(p.id) AS topic_ids,
                   project_area_ids(p.id) AS area_ids, p.status, p.image_key, p.published_at, p.updated_at,
                   p.preview_token_hash IS NOT NULL AS preview_active,
                   p.preview_token_hash = @PreviewHash AS preview_ok,
                   EXISTS (SELECT 1 FROM project_follows f WHERE f.project_id = p.id AND f.user_id = @ActorId) AS followed_by_me
              FROM projects p JOIN departments d ON d.id = p.department_id
             WHERE p.id = @Id;
            SELECT ph.id, ph.title::text AS title, ph.description::text AS description, ph.starts_at, ph.ends_at, ph.method,
                   ph.settings::text AS settings,
                   ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now()) AS is_current, ph.project_id
              FROM phases ph WHERE ph.project_id = @Id ORDER BY ph.starts_at;
            SELECT u.id, u.first_name, u.last_name
              FROM user_roles r JOIN users u ON u.id = r.user_id
             WHERE r.project_id = @Id AND r.role = 'project_moderator' AND @Staff
             ORDER BY lower(u.last_name), lower(u.first_name);
            """;

        internal sealed class Row
        {
            public Guid Id { get; init; }
            public string Slug { get; init; } = "";
            public Guid DepartmentId { get; init; }
            public string DepartmentName { get; init; } = "{}";
            public string Title { get; init; } = "{}";
            public string Summary { get; init; } = "{}";
            public string Description { get; init; } = "{}";
            public string Goals { get; init; } = "{}";
            public string TargetAudience { get; init; } = "{}";
            public string[] Topics { get; init; } = [];
            public Guid[] TopicIds { get; init; } = [];
            public Guid[] AreaIds { get; init; } = [];
            public string Status { get; init; } = "";
            public string? ImageKey { get; init; }
            public DateTime? PublishedAt { get; init; }
            public DateTime UpdatedAt { get; init; }
            public bool PreviewActive { get; init; }
            public bool? PreviewOk { get; init; }
            public bool FollowedByMe { get; init; }
        }

        internal sealed record PhaseRow(
            Guid Id,
            string Title,
            string Description,
            DateTime StartsAt,
            DateTime? EndsAt,
            string Method,
            string Settings,
            bool IsCurrent,
            Guid ProjectId
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var access = await ProjectStaff.OfAsync(connection, q.ActorId, q.Id, null, ct);
            if (!access.Exists)
                throw new NotFoundException("No such project.");
            var previewHash = string.IsNullOrEmpty(q.PreviewToken) ? null : SecureTokens.Hash(q.PreviewToken);
            await using var results = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        q.Id,
                        q.ActorId,
                        PreviewHash = previewHash,
                        Staff = access.IsStaff,
                        Lang = RequestLanguage.Current,
                    },
                    cancellationToken: ct
                )
            );
            var p = await results.ReadSingleAsync<Row>();
            var phases = (await results.ReadAsync<PhaseRow>()).Select(ToPhase).ToList();
            var moderators = (await results.ReadAsync<Person>()).AsList();
            if (p.Status == "draft" && !access.IsStaff && p.PreviewOk != true)
                throw new NotFoundException("No such project.");

            return ToResponse(p, phases, access.IsStaff ? new StaffView(access.ManagesModerators, p.PreviewActive, moderators) : null) with
            {
                // Not the caller's to say when anonymous (as in the change feed, whose representation is the visitor's).
                FollowedByMe = q.ActorId is null ? null : p.FollowedByMe,
            };
        }

        /// <summary>A project row and its phases as the page shows them (the change feed shares it).</summary>
        internal static Response ToResponse(Row p, IReadOnlyList<Phase> phases, StaffView? staff) =>
            new(
                p.Id,
                new Department(p.DepartmentId, LocalizedText.FromJson(p.DepartmentName)),
                LocalizedText.FromJson(p.Title),
                LocalizedText.FromJson(p.Summary),
                LocalizedText.FromJson(p.Description),
                LocalizedText.FromJson(p.Goals),
                LocalizedText.FromJson(p.TargetAudience),
                p.Topics,
                p.Status.ToEnum<ProjectStatus>(),
                GetProjectImage.UrlOf(p.Id, p.ImageKey),
                p.PublishedAt.AsUtc(),
                p.UpdatedAt.AsUtc(),
                phases,
                phases.FirstOrDefault(x => x.IsCurrent)?.Id,
                staff,
                p.TopicIds,
                p.AreaIds,
                p.Slug
            );

        internal static Phase ToPhase(PhaseRow r) =>
            new(
                r.Id,
                LocalizedText.FromJson(r.Title),
                LocalizedText.FromJson(r.Description),
                r.StartsAt.AsUtc(),
                r.EndsAt.AsUtc(),
                r.Method.ToEnum<PhaseMethod>(),
                JsonSerializer.Deserialize<PhaseSettings>(r.Settings, JsonSerializerOptions.Web) ?? new PhaseSettings(),
                r.IsCurrent
            );
    }

    [EndpointSummary("A project page with its timeline (drafts: staff, or the X-Preview-Token header).")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [FromHeader(Name = "X-Preview-Token")] string? previewToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, id, previewToken), ct);
}
