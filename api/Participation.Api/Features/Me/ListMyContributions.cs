using Participation.Api.Features.Users;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Me;

/// <summary>
/// Everything the signed-in person did, newest first, of one kind or all: ideas, comments (not the deleted ones), votes,
/// baskets, survey answers, event registrations, followed ideas and projects; each with its date, a title and what
/// links to it. One statement per page (a UNION ALL under one keyset).
/// </summary>
public static class ListMyContributions
{
    public sealed record Query(Guid ActorId, ContributionKind? Kind, string? Cursor, int? Limit) : IQuery<ContributionPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Kind).IsInEnum().WithMessage(_ => Messages.Get("one_of_contribution_kinds"));
        }
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ContributionPage>
    {
        private const string Phase = "coalesce(ph.title ->> @Lang, ph.title ->> 'fr')";
        private const string Project = $"p.id, p.slug, {ContributionRows.ProjectTitle}";

        private const string Sql = $"""
            SELECT x.* FROM (
                {ContributionRows.Ideas}
                UNION ALL
                SELECT 'comment', c.id::text, c.created_at, i.title, left(c.body, 280),
                       CASE WHEN c.hidden_at IS NOT NULL THEN 'hidden' END,
                       {Project}, i.id, i.slug, c.id, NULL, NULL, NULL
                  FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN projects p ON p.id = i.project_id
                 WHERE c.author_id = @UserId AND c.deleted_at IS NULL
                UNION ALL
                SELECT 'vote', v.phase_id::text || '/' || v.idea_id::text, v.created_at, i.title, NULL, NULL,
                       {Project}, i.id, i.slug, NULL, v.phase_id, NULL, NULL
                  FROM idea_votes v JOIN ideas i ON i.id = v.idea_id JOIN projects p ON p.id = i.project_id
                 WHERE v.user_id = @UserId
                UNION ALL
                SELECT 'basket', b.id::text, b.created_at, {Phase}, NULL,
                       CASE WHEN b.submitted_at IS NULL THEN 'draft' ELSE 'submitted' END,
                       {Project}, NULL, NULL, NULL, b.phase_id, NULL, NULL
                  FROM baskets b JOIN phases ph ON ph.id = b.phase_id JOIN projects p ON p.id = ph.project_id
                 WHERE b.user_id = @UserId
                UNION ALL
                SELECT 'survey_response', r.id::text, r.created_at, {Phase}, NULL, r.status,
                       {Project}, NULL, NULL, NULL, r.phase_id, NULL, NULL
                  FROM survey_responses r JOIN phases ph ON ph.id = r.phase_id JOIN projects p ON p.id = ph.project_id
                 WHERE r.user_id = @UserId
                UNION ALL
                SELECT 'event_registration', r.event_id::text, r.created_at, coalesce(e.title ->> @Lang, e.title ->> 'fr'), NULL,
                       r.status, {Project}, NULL, NULL, NULL, NULL, e.id, e.slug
                  FROM calendar_event_registrations r JOIN calendar_events e ON e.id = r.event_id
                  LEFT JOIN projects p ON p.id = e.project_id
                 WHERE r.user_id = @UserId
                UNION ALL
                SELECT 'idea_follow', f.idea_id::text, f.created_at, i.title, NULL, NULL,
                       {Project}, i.id, i.slug, NULL, NULL, NULL, NULL
                  FROM idea_follows f JOIN ideas i ON i.id = f.idea_id JOIN projects p ON p.id = i.project_id
                 WHERE f.user_id = @UserId
                UNION ALL
                SELECT 'project_follow', f.project_id::text, f.created_at, {ContributionRows.ProjectTitle}, NULL, NULL,
                       {Project}, NULL, NULL, NULL, NULL, NULL, NULL
                  FROM project_follows f JOIN projects p ON p.id = f.project_id
                 WHERE f.user_id = @UserId
            ) x
            {ContributionRows.Page}
            """;

        public async ValueTask<ContributionPage> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await ContributionRows.ReadAsync(connection, Sql, q.ActorId, q.Kind, q.Cursor, q.Limit, ct);
        }
    }

    /// <summary>The query string: one kind (all without it) and the page.</summary>
    public sealed record QueryString([property: QueryEnum<ContributionKind>] string? Kind, string? Cursor, int? Limit);

    [EndpointSummary("What you did, newest first: ideas, comments, votes, baskets, survey answers, registrations, follows.")]
    public static ValueTask<ContributionPage> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<ContributionKind>(q.Kind), q.Cursor, q.Limit), ct);
}
