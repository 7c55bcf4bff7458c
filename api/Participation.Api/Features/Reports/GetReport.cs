using Participation.Api.Features.Budgets;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;
using Participation.Api.Features.Surveys;
using Participation.Api.Features.Votes;

namespace Participation.Api.Features.Reports;

/// <summary>
/// A project's results report as composed (see <see cref="ReportAccess"/> for who reads it): the moderators' goals and
/// conclusions, the timeline of the phases, the participation figures of the period (<see cref="FigureQueries"/>: the
/// same values as the project's dashboard for that period) and, for each phase shown, its results — ideas by status with
/// their latest official feedback, vote tallies, budget allocation, survey results — read through the results' own
/// queries and access rules (small survey groups withheld from officials as on the results page). Before anything is
/// saved the report shows the project's goals, every phase, and the period from the first phase's start to today.
/// </summary>
public static class GetReport
{
    /// <summary>The ideas listed per phase (the most supported first within each status).</summary>
    public const int MaxIdeas = 500;

    public sealed record Query(Caller Caller, Guid ProjectId) : IQuery<Response>;

    /// <summary>A public idea of the phase, its status and the latest official feedback it got.</summary>
    public sealed record ReportIdea(
        Guid Id,
        string Title,
        IdeaStatus Status,
        int Likes,
        int Comments,
        string? Feedback,
        DateTimeOffset? AnsweredAt
    );

    /// <summary>The public ideas of a phase: how many by status, and the ideas themselves (at most <see cref="MaxIdeas"/>).</summary>
    public sealed record PhaseIdeas(int Total, IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<ReportIdea> Items);

    /// <summary>A phase of the timeline; its results when it is included in the report (by method).</summary>
    public sealed record ReportPhase(
        Guid Id,
        string Title,
        PhaseMethod Method,
        DateTimeOffset StartsAt,
        DateTimeOffset? EndsAt,
        bool Included,
        PhaseIdeas? Ideas,
        GetVoteResults.Response? Votes,
        GetBudgetResults.Response? Budget,
        GetSurveyResults.Response? Survey
    );

    /// <param name="Goals">The report's goals (sanitised HTML): the project's goals until the report is first saved.</param>
    /// <param name="PhaseIds">The phases chosen (null: every phase).</param>
    /// <param name="From">The first day of the figures' period (platform time).</param>
    /// <param name="To">The last day of the figures' period.</param>
    /// <param name="PeriodFrom">The first day as chosen (null: the first phase's start).</param>
    /// <param name="PeriodTo">The last day as chosen (null: today).</param>
    /// <param name="Version">The version to send back when saving (0: never saved).</param>
    /// <param name="CanEdit">Whether the caller may compose and send it (the project's staff).</param>
    public sealed record Response(
        Guid ProjectId,
        string ProjectTitle,
        string DepartmentName,
        string Goals,
        string Conclusions,
        IReadOnlyList<ReportSection> Sections,
        IReadOnlyList<Guid>? PhaseIds,
        DateOnly From,
        DateOnly To,
        DateOnly? PeriodFrom,
        DateOnly? PeriodTo,
        int Version,
        DateTimeOffset? UpdatedAt,
        string? UpdatedBy,
        bool CanEdit,
        IReadOnlyList<Figure> Figures,
        IReadOnlyList<WeekFigures> Weeks,
        IReadOnlyList<StatusCount> IdeasByStatus,
        IReadOnlyList<ReportPhase> Phases
    );

    private const string Included = """
        inc AS (SELECT ph.id FROM phases ph LEFT JOIN project_reports r ON r.project_id = ph.project_id
                 WHERE ph.project_id = @ProjectId AND (r.phase_ids IS NULL OR ph.id = ANY(r.phase_ids)))
        """;

    private const string Sql = $"""
        SELECT r.goals, r.conclusions, r.sections, r.phase_ids, r.period_from, r.period_to, r.version, r.updated_at,
               u.first_name || ' ' || u.last_name AS updated_by
          FROM project_reports r LEFT JOIN users u ON u.id = r.updated_by
         WHERE r.project_id = @ProjectId;

        SELECT ph.id, coalesce(ph.title ->> @Language, ph.title ->> 'fr') AS title, ph.method, ph.starts_at, ph.ends_at,
               (ph.starts_at AT TIME ZONE @TimeZone)::date AS starts_on
          FROM phases ph WHERE ph.project_id = @ProjectId
         ORDER BY ph.starts_at, ph.id;

        WITH {Included}
        SELECT i.phase_id, i.status, count(*)::int AS count
          FROM ideas i WHERE i.phase_id IN (SELECT id FROM inc) AND i.listed
         GROUP BY i.phase_id, i.status ORDER BY i.phase_id, i.status;

        WITH {Included}
        SELECT x.id, x.phase_id, x.title, x.status, x.likes, x.comments, x.feedback, x.answered_at FROM (
            SELECT i.id, i.phase_id, i.title, i.status, i.likes_count AS likes, i.comments_count AS comments,
                   f.feedback, f.created_at AS answered_at,
                   row_number() OVER (PARTITION BY i.phase_id
                                      ORDER BY array_position(@StatusOrder, i.status), i.likes_count DESC, i.created_at, i.id) AS n
              FROM ideas i
              LEFT JOIN LATERAL (
                  SELECT sc.feedback, sc.created_at FROM idea_status_changes sc
                   WHERE sc.idea_id = i.id AND {FigureDefinitions.IsOfficialAnswer} AND sc.feedback IS NOT NULL
                   ORDER BY sc.created_at DESC, sc.id DESC LIMIT 1) f ON true
             WHERE i.phase_id IN (SELECT id FROM inc) AND i.listed) x
         WHERE x.n <= @MaxIdeas
         ORDER BY x.phase_id, x.n;
        """;

    /// <summary>The order ideas are listed in: decisions first.</summary>
    private static readonly string[] StatusOrder =
    [
        "accepted",
        "implemented",
        "under_consideration",
        "proposed",
        "rejected",
        "prescreening",
    ];

    // A class (not a positional record): Dapper reads the arrays through property setters.
    private sealed class ReportRow
    {
        public string Goals { get; init; } = "";
        public string Conclusions { get; init; } = "";
        public string[] Sections { get; init; } = [];
        public Guid[]? PhaseIds { get; init; }
        public DateOnly? PeriodFrom { get; init; }
        public DateOnly? PeriodTo { get; init; }
        public int Version { get; init; }
        public DateTime UpdatedAt { get; init; }
        public string? UpdatedBy { get; init; }
    }

    private sealed record PhaseRow(Guid Id, string Title, string Method, DateTime StartsAt, DateTime? EndsAt, DateOnly StartsOn);

    private sealed record StatusRow(Guid PhaseId, string Status, int Count);

    private sealed record IdeaRow(
        Guid Id,
        Guid PhaseId,
        string Title,
        string Status,
        int Likes,
        int Comments,
        string? Feedback,
        DateTime? AnsweredAt
    );

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public sealed class Handler(StaleReads db, TimeProvider clock, ISender sender) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var project = await ReportAccess.RequireAsync(connection, q.Caller.UserIdOrNull, q.ProjectId, write: false, null, ct);
            var language = RequestLanguage.Current;
            ReportRow? report;
            List<PhaseRow> phases;
            ILookup<Guid, StatusRow> statuses;
            ILookup<Guid, IdeaRow> ideas;
            await using (
                var grid = await connection.QueryMultipleAsync(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.ProjectId,
                            Language = language,
                            FigureDefinitions.TimeZone,
                            StatusOrder,
                            MaxIdeas,
                        },
                        cancellationToken: ct
                    )
                )
            )
            {
                report = await grid.ReadSingleOrDefaultAsync<ReportRow>();
                phases = (await grid.ReadAsync<PhaseRow>()).AsList();
                statuses = (await grid.ReadAsync<StatusRow>()).ToLookup(s => s.PhaseId);
                ideas = (await grid.ReadAsync<IdeaRow>()).ToLookup(i => i.PhaseId);
            }

            var (from, to, period) = PeriodQuery.Resolve(PeriodFrom(report, phases, project, clock), report?.PeriodTo, clock);
            var scope = new FigureScope(FigureScopeType.Project, project.Id, project.Title, project.DepartmentId, project.Id, null);
            var figures = await FigureQueries.ComputeAsync(connection, scope, period, FigureQueries.DefaultWaitingDays, language, ct);

            var included = report?.PhaseIds?.ToHashSet();
            var reportPhases = new List<ReportPhase>(phases.Count);
            foreach (var p in phases)
            {
                var method = p.Method.ToEnum<PhaseMethod>();
                var shown = included is null || included.Contains(p.Id);
                reportPhases.Add(
                    new ReportPhase(
                        p.Id,
                        p.Title,
                        method,
                        Utc(p.StartsAt),
                        p.EndsAt is { } e ? Utc(e) : null,
                        shown,
                        shown && method == PhaseMethod.Ideation ? Ideas(statuses[p.Id], ideas[p.Id]) : null,
                        shown && method == PhaseMethod.Voting
                            ? await ResultsAsync(() => sender.Send(new GetVoteResults.Query(q.Caller.UserIdOrNull, p.Id), ct))
                            : null,
                        shown && method == PhaseMethod.Budgeting
                            ? await ResultsAsync(() => sender.Send(new GetBudgetResults.Query(q.Caller.UserIdOrNull, p.Id), ct))
                            : null,
                        shown && method is PhaseMethod.Survey or PhaseMethod.Poll ? await SurveyAsync(q.Caller, p.Id, ct) : null
                    )
                );
            }

            return new Response(
                project.Id,
                project.Title,
                project.DepartmentName,
                report?.Goals ?? project.Goals ?? "",
                report?.Conclusions ?? "",
                report is null ? Enum.GetValues<ReportSection>() : report.Sections.Select(s => s.ToEnum<ReportSection>()).ToList(),
                report?.PhaseIds,
                from,
                to,
                report?.PeriodFrom,
                report?.PeriodTo,
                report?.Version ?? 0,
                report is null ? null : Utc(report.UpdatedAt),
                report?.UpdatedBy,
                project.Staff,
                figures.Figures,
                figures.Weeks,
                figures.IdeasByStatus,
                reportPhases
            );
        }

        private async Task<GetSurveyResults.Response?> SurveyAsync(Caller caller, Guid phaseId, CancellationToken ct)
        {
            var results = await ResultsAsync(() => sender.Send(new GetSurveyResults.Query(caller.UserIdOrNull, phaseId), ct));
            // A map question's points are for the results page; the report gives its counts.
            return results is null ? null : results with { Questions = results.Questions.Select(x => x with { Points = [] }).ToList() };
        }
    }

    /// <summary>A phase's results through its own query and access rule; none when that rule refuses (never for overseers).</summary>
    private static async Task<T?> ResultsAsync<T>(Func<ValueTask<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            return null;
        }
    }

    private static PhaseIdeas Ideas(IEnumerable<StatusRow> statuses, IEnumerable<IdeaRow> ideas)
    {
        var byStatus = statuses.Select(s => new StatusCount(s.Status.ToEnum<IdeaStatus>(), s.Count)).ToList();
        var items = ideas
            .Select(i => new ReportIdea(
                i.Id,
                i.Title,
                i.Status.ToEnum<IdeaStatus>(),
                i.Likes,
                i.Comments,
                i.Feedback,
                i.AnsweredAt is { } a ? Utc(a) : null
            ))
            .ToList();
        return new PhaseIdeas(byStatus.Sum(s => s.Count), byStatus, items);
    }

    /// <summary>
    /// The period's first day: as chosen, else the first phase's start (the project's creation without phases); no later
    /// than the last day and at most <see cref="PeriodQuery.MaxDays"/> days before it.
    /// </summary>
    private static DateOnly PeriodFrom(ReportRow? report, List<PhaseRow> phases, ReportAccess.Project project, TimeProvider clock)
    {
        var to = report?.PeriodTo ?? PeriodQuery.Today(clock);
        var first = report?.PeriodFrom ?? (phases.Count > 0 ? phases[0].StartsOn : DateOnly.FromDateTime(project.CreatedAt));
        var earliest = to.AddDays(1 - PeriodQuery.MaxDays);
        return first > to ? to
            : first < earliest ? earliest
            : first;
    }

    [EndpointSummary(
        "A project's results report: goals, timeline, participation figures (as on the dashboard), each phase's results and "
            + "the conclusions."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller, id), ct);
}
