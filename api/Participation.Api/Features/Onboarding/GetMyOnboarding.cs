using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// The signed-in person's onboarding: one checklist per staff role they hold, with the role's tasks, typical workload and
/// "good to know" from the source text, in the request's language. Each item is done when the platform holds its result,
/// computed in one round trip of set-based statements (nothing ticked by hand). Dismissed checklists are still returned
/// (the staff area's "Getting started" page shows them); the first-login display shows the others. A resident with no
/// staff role gets an empty list.
/// </summary>
public static class GetMyOnboarding
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Item(OnboardingStep Step, string Label, bool Done);

    public sealed record Checklist(
        Role Role,
        string Title,
        string Tasks,
        string Workload,
        string GoodToKnow,
        IReadOnlyList<Item> Items,
        int DoneCount,
        bool Dismissed,
        DateTimeOffset? DismissedAt
    );

    public sealed record Response(IReadOnlyList<Checklist> Checklists);

    private sealed record Dismissal(string Role, DateTime DismissedAt);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        // One column per OnboardingStep, named by its wire name. Platform-wide items look at the whole platform; a head's
        // at the departments they head; a moderator's at the projects they moderate; personal ones at the caller.
        private const string Sql = """
            SELECT DISTINCT role FROM user_roles WHERE user_id = @ActorId;
            SELECT role, dismissed_at FROM onboarding_dismissals WHERE user_id = @ActorId;
            WITH mine AS (SELECT role, department_id, project_id FROM user_roles WHERE user_id = @ActorId),
                 headed AS (SELECT p.* FROM projects p WHERE p.department_id IN
                                (SELECT department_id FROM mine WHERE role = 'department_head')),
                 moderated AS (SELECT p.* FROM projects p WHERE p.id IN (SELECT project_id FROM mine WHERE role = 'project_moderator'))
            SELECT coalesce((SELECT version > 1 FROM platform_settings WHERE id = 1), false) AS platform_configured,
                   EXISTS (SELECT 1 FROM departments) AS department_created,
                   EXISTS (SELECT 1 FROM invitations WHERE role = 'department_head') AS department_head_invited,
                   EXISTS (SELECT 1 FROM invitations WHERE role = 'department_head' AND accepted_at IS NOT NULL)
                       AS department_head_joined,
                   EXISTS (SELECT 1 FROM invitations WHERE role = 'project_moderator' AND accepted_at IS NOT NULL) AS moderator_joined,
                   EXISTS (SELECT 1 FROM user_roles WHERE role = 'elected_official') AS elected_official_added,
                   EXISTS (SELECT 1 FROM home_pages) AS home_page_edited,
                   EXISTS (SELECT 1 FROM pages WHERE kind = 'free' AND status = 'published') AS page_published,
                   EXISTS (SELECT 1 FROM calendar_events WHERE status = 'scheduled') AS event_announced,
                   EXISTS (SELECT 1 FROM campaigns WHERE status IN ('scheduled', 'sent')) AS campaign_scheduled,
                   EXISTS (SELECT 1 FROM content_calendar_feeds WHERE user_id = @ActorId) AS content_calendar_subscribed,
                   EXISTS (SELECT 1 FROM widgets) AS widget_created,
                   EXISTS (SELECT 1 FROM api_clients) AS api_client_created,
                   EXISTS (SELECT 1 FROM webhook_subscriptions) AS webhook_subscribed,
                   EXISTS (SELECT 1 FROM headed p JOIN user_roles m
                                ON m.scope_type = 'project' AND m.scope_id = p.id AND m.role = 'project_moderator')
                       AS department_moderator_assigned,
                   EXISTS (SELECT 1 FROM headed p WHERE p.status = 'published') AS department_project_published,
                   EXISTS (SELECT 1 FROM moderated p
                            WHERE p.image_key IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each_text(p.description) d WHERE d.value <> ''))
                       AS project_page_designed,
                   EXISTS (SELECT 1 FROM moderated p WHERE EXISTS (SELECT 1 FROM jsonb_each_text(p.target_audience) t WHERE t.value <> ''))
                       AS target_audience_described,
                   EXISTS (SELECT 1 FROM moderated p JOIN phases ph ON ph.project_id = p.id) AS phases_planned,
                   EXISTS (SELECT 1 FROM moderated p JOIN ideas i ON i.project_id = p.id
                                JOIN idea_status_changes s ON s.idea_id = i.id
                            WHERE s.from_status IS NOT NULL OR s.feedback IS NOT NULL) AS idea_answered,
                   EXISTS (SELECT 1 FROM moderated p JOIN project_reports r ON r.project_id = p.id) AS report_composed,
                   EXISTS (SELECT 1 FROM briefings WHERE official_id = @ActorId AND status = 'sent') AS briefing_received;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, q, cancellationToken: ct));
            var roles = (await results.ReadAsync<string>()).Select(r => r.ToEnum<Role>()).ToHashSet();
            var dismissed = (await results.ReadAsync<Dismissal>()).ToDictionary(d => d.Role.ToEnum<Role>(), d => d.DismissedAt.AsUtc());
            var done = (IDictionary<string, object>)await results.ReadSingleAsync();

            var checklists = Enum.GetValues<Role>()
                .Where(roles.Contains)
                .Select(role =>
                {
                    var items = OnboardingSteps
                        .ByRole[role]
                        .Select(step => new Item(step, OnboardingTexts.Step(step), (bool)done[step.ToWire()]))
                        .ToList();
                    var at = dismissed.TryGetValue(role, out var when) ? when : (DateTimeOffset?)null;
                    return new Checklist(
                        role,
                        OnboardingTexts.Role(role, "title"),
                        OnboardingTexts.Role(role, "tasks"),
                        OnboardingTexts.Role(role, "workload"),
                        OnboardingTexts.Role(role, "good_to_know"),
                        items,
                        items.Count(i => i.Done),
                        at is not null,
                        at
                    );
                })
                .ToList();
            return new Response(checklists);
        }
    }

    [EndpointSummary(
        "Your onboarding: for each staff role you hold, its tasks, workload, good to know and a checklist done from what the platform sees."
    )]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
