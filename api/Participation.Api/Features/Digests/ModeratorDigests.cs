using System.Data;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Digests;

/// <summary>One project a moderator moderates, and what waits there.</summary>
/// <param name="NewIdeas">Ideas posted in the week (not withdrawn or hidden).</param>
/// <param name="AwaitingModeration">Ideas waiting for pre-moderation now, whenever posted.</param>
/// <param name="OpenFlags">Flags on its ideas and comments not yet dealt with.</param>
/// <param name="Unanswered">Public ideas without an official answer (the figures' "waiting for an answer", any age).</param>
/// <param name="AssignedToYou">Of those, the ones assigned to the moderator in the ideas manager.</param>
public sealed record DigestProject(
    Guid ProjectId,
    string Title,
    int NewIdeas,
    int AwaitingModeration,
    int OpenFlags,
    int Unanswered,
    int AssignedToYou
);

/// <summary>An idea listed in a digest.</summary>
/// <param name="DaysWaiting">Whole days since it was posted.</param>
public sealed record DigestIdea(
    Guid Id,
    Guid ProjectId,
    string ProjectTitle,
    string Title,
    IdeaStatus Status,
    DateTimeOffset PostedAt,
    int DaysWaiting
);

/// <summary>
/// A moderator's weekly "waiting for you", over all the projects they moderate (archived ones aside): per project the
/// counts; the week's new ideas (those awaiting pre-moderation first, whenever posted); the ideas without an official
/// answer, the oldest first; those assigned to them. Lists hold at most <see cref="ModeratorDigests.ListLimit"/> ideas,
/// the totals are in the projects' counts. Empty: no new idea in the week, nothing awaiting pre-moderation, no open
/// flag, no idea waiting for an answer.
/// </summary>
public sealed record ModeratorDigest(
    IReadOnlyList<DigestProject> Projects,
    IReadOnlyList<DigestIdea> NewIdeas,
    IReadOnlyList<DigestIdea> Unanswered,
    IReadOnlyList<DigestIdea> Assigned
)
{
    public int NewIdeasTotal => Projects.Sum(p => p.NewIdeas);
    public int AwaitingModerationTotal => Projects.Sum(p => p.AwaitingModeration);
    public int OpenFlagsTotal => Projects.Sum(p => p.OpenFlags);
    public int UnansweredTotal => Projects.Sum(p => p.Unanswered);
    public int AssignedTotal => Projects.Sum(p => p.AssignedToYou);
    public bool Empty => NewIdeasTotal + AwaitingModerationTotal + OpenFlagsTotal + UnansweredTotal == 0;
    public int Items => NewIdeasTotal + AwaitingModerationTotal + OpenFlagsTotal + UnansweredTotal;
}

/// <summary>
/// The digests of many moderators at once, in two set-based statements whatever their number or their projects' size:
/// the projects' counts (grouped once per project) and the ideas lists (ranked per moderator). Titles in each
/// moderator's language. "Waiting for an answer" is <see cref="FigureDefinitions.IsWaiting"/>, as on the dashboards.
/// </summary>
public static class ModeratorDigests
{
    public const int ListLimit = 10;

    private const string Common = $"""
        mp AS (SELECT DISTINCT r.user_id, r.project_id, u.locale
                 FROM user_roles r JOIN projects p ON p.id = r.project_id JOIN users u ON u.id = r.user_id
                WHERE r.role = 'project_moderator' AND r.user_id = ANY(@Users) AND p.status <> 'archived'),
        w AS MATERIALIZED (
            SELECT i.id, i.project_id, i.title, i.status, i.created_at, i.assignee_id FROM ideas i
             WHERE i.project_id IN (SELECT project_id FROM mp) AND {FigureDefinitions.IsWaiting}),
        n AS MATERIALIZED (
            SELECT i.id, i.project_id, i.title, i.status, i.created_at FROM ideas i
             WHERE i.project_id IN (SELECT project_id FROM mp) AND i.withdrawn_at IS NULL AND i.hidden_at IS NULL
               AND ((i.created_at >= @From AND i.created_at < @To) OR i.status = 'prescreening'))
        """;

    private const string Sql = $"""
        WITH {Common},
        nc AS (SELECT project_id, count(*) FILTER (WHERE created_at >= @From AND created_at < @To) AS new_ideas,
                      count(*) FILTER (WHERE status = 'prescreening') AS awaiting
                 FROM n GROUP BY project_id),
        wc AS (SELECT project_id, count(*) AS unanswered FROM w GROUP BY project_id),
        ac AS (SELECT project_id, assignee_id, count(*) AS assigned FROM w WHERE assignee_id IS NOT NULL GROUP BY project_id, assignee_id),
        fc AS (SELECT f.project_id, count(*) AS open_flags FROM content_flags f
                WHERE f.resolved_at IS NULL AND f.project_id IN (SELECT project_id FROM mp) GROUP BY f.project_id)
        SELECT mp.user_id, mp.project_id, coalesce(p.title ->> mp.locale, p.title ->> 'fr') AS title,
               coalesce(nc.new_ideas, 0)::int AS new_ideas, coalesce(nc.awaiting, 0)::int AS awaiting_moderation,
               coalesce(fc.open_flags, 0)::int AS open_flags, coalesce(wc.unanswered, 0)::int AS unanswered,
               coalesce(ac.assigned, 0)::int AS assigned_to_you
          FROM mp JOIN projects p ON p.id = mp.project_id
          LEFT JOIN nc ON nc.project_id = mp.project_id
          LEFT JOIN wc ON wc.project_id = mp.project_id
          LEFT JOIN fc ON fc.project_id = mp.project_id
          LEFT JOIN ac ON ac.project_id = mp.project_id AND ac.assignee_id = mp.user_id
         ORDER BY mp.user_id, title, mp.project_id;

        WITH {Common},
        x AS (
            SELECT 'new' AS list, mp.user_id, mp.locale, n.id, n.project_id, n.title, n.status, n.created_at,
                   row_number() OVER (PARTITION BY mp.user_id
                                      ORDER BY (n.status = 'prescreening') DESC, n.created_at DESC, n.id) AS rank
              FROM mp JOIN n ON n.project_id = mp.project_id
            UNION ALL
            SELECT 'unanswered', mp.user_id, mp.locale, w.id, w.project_id, w.title, w.status, w.created_at,
                   row_number() OVER (PARTITION BY mp.user_id ORDER BY w.created_at, w.id)
              FROM mp JOIN w ON w.project_id = mp.project_id
            UNION ALL
            SELECT 'assigned', mp.user_id, mp.locale, w.id, w.project_id, w.title, w.status, w.created_at,
                   row_number() OVER (PARTITION BY mp.user_id ORDER BY w.created_at, w.id)
              FROM mp JOIN w ON w.project_id = mp.project_id AND w.assignee_id = mp.user_id)
        SELECT x.list, x.user_id, x.id, x.project_id, coalesce(p.title ->> x.locale, p.title ->> 'fr') AS project_title,
               x.title, x.status, x.created_at AS posted_at,
               greatest(0, extract(day FROM @Now - x.created_at))::int AS days_waiting
          FROM x JOIN projects p ON p.id = x.project_id
         WHERE x.rank <= @Limit
         ORDER BY x.user_id, x.list, x.rank;
        """;

    private sealed record ProjectRow(
        Guid UserId,
        Guid ProjectId,
        string Title,
        int NewIdeas,
        int AwaitingModeration,
        int OpenFlags,
        int Unanswered,
        int AssignedToYou
    );

    private sealed record IdeaRow(
        string List,
        Guid UserId,
        Guid Id,
        Guid ProjectId,
        string ProjectTitle,
        string Title,
        string Status,
        DateTime PostedAt,
        int DaysWaiting
    );

    /// <summary>The digest of each of <paramref name="users"/> who moderates a project, for the week [From, To).</summary>
    public static async Task<Dictionary<Guid, ModeratorDigest>> ComputeAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        IReadOnlyCollection<Guid> users,
        Period week,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    Users = users.ToArray(),
                    week.From,
                    week.To,
                    Now = now,
                    Limit = ListLimit,
                },
                tx,
                cancellationToken: ct
            )
        );
        var projects = (await grid.ReadAsync<ProjectRow>()).ToLookup(p => p.UserId);
        var ideas = (await grid.ReadAsync<IdeaRow>()).ToLookup(i => (i.UserId, i.List));
        List<DigestIdea> Ideas(Guid user, string list) =>
            ideas[(user, list)]
                .Select(i => new DigestIdea(
                    i.Id,
                    i.ProjectId,
                    i.ProjectTitle,
                    i.Title,
                    i.Status.ToEnum<IdeaStatus>(),
                    i.PostedAt.AsUtc(),
                    i.DaysWaiting
                ))
                .ToList();
        return projects.ToDictionary(
            p => p.Key,
            p => new ModeratorDigest(
                p.Select(r => new DigestProject(
                        r.ProjectId,
                        r.Title,
                        r.NewIdeas,
                        r.AwaitingModeration,
                        r.OpenFlags,
                        r.Unanswered,
                        r.AssignedToYou
                    ))
                    .ToList(),
                Ideas(p.Key, "new"),
                Ideas(p.Key, "unanswered"),
                Ideas(p.Key, "assigned")
            )
        );
    }
}
