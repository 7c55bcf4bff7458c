using System.Data.Common;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Digests;

/// <summary>A project's line in its department's summary (listed projects with something to report).</summary>
/// <param name="Ideas">Ideas posted in the month (the figure "ideas" of the project scope).</param>
/// <param name="Participants">People who took any participation action in it in the month (the figure "participants").</param>
/// <param name="Waiting">Public ideas waiting for an official answer now, whatever their age.</param>
public sealed record SummaryProject(Guid ProjectId, string Title, int Ideas, int Participants, int Waiting);

/// <summary>
/// A department's monthly summary: the department's dashboard for the month (its figures against the previous period of
/// the same length, the decisions taken, the ideas waiting the longest — the same values as GET /dashboard for the
/// department and those days), a line per project, and the phases starting or ending the next month. Empty: no
/// participation action in the month (the figures' participants, ideas, comments, reactions, votes, baskets and survey
/// responses all 0), no official answer given in it, and no idea waiting for an answer.
/// </summary>
public sealed record DepartmentSummary(
    Guid DepartmentId,
    string Name,
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<SummaryProject> Projects,
    IReadOnlyList<GetDashboard.Decision> Decisions,
    IReadOnlyList<GetDashboard.WaitingIdea> Waiting,
    int WaitingTotal,
    IReadOnlyList<GetDashboard.UpcomingPhase> NextMonthPhases
)
{
    private static readonly FigureKey[] Activity =
    [
        FigureKey.Participants,
        FigureKey.Ideas,
        FigureKey.Comments,
        FigureKey.Reactions,
        FigureKey.Votes,
        FigureKey.BasketsSubmitted,
        FigureKey.SurveyResponses,
        FigureKey.OfficialAnswers,
    ];

    public bool Empty => WaitingTotal == 0 && Figures.Where(f => Activity.Contains(f.Key)).All(f => (f.Value ?? 0) == 0);
}

/// <summary>Builds a department's summary for a month: the dashboard's queries, plus two statements of its own.</summary>
public static class DepartmentSummaries
{
    private const string Sql = $"""
        WITH lp AS (SELECT p.id, p.title FROM projects p WHERE p.department_id = @DepartmentId AND p.status <> 'draft'),
        a AS MATERIALIZED (
            SELECT a.project_id, a.kind, a.user_id FROM ({FigureDefinitions.Actions}) a
             WHERE a.project_id IN (SELECT id FROM lp) AND a.at >= @From AND a.at < @To),
        ac AS (SELECT project_id, count(*) FILTER (WHERE kind = 'idea') AS ideas, count(DISTINCT user_id) AS participants
                 FROM a GROUP BY project_id),
        wc AS (SELECT i.project_id, count(*) AS waiting FROM ideas i
                WHERE i.project_id IN (SELECT id FROM lp) AND {FigureDefinitions.IsWaiting} GROUP BY i.project_id)
        SELECT lp.id AS project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS title,
               coalesce(ac.ideas, 0)::int AS ideas, coalesce(ac.participants, 0)::int AS participants,
               coalesce(wc.waiting, 0)::int AS waiting
          FROM lp LEFT JOIN ac ON ac.project_id = lp.id LEFT JOIN wc ON wc.project_id = lp.id
         WHERE coalesce(ac.participants, 0) + coalesce(wc.waiting, 0) > 0
         ORDER BY participants DESC, waiting DESC, title, lp.id
         LIMIT 50;

        SELECT ph.id AS phase_id, ph.project_id, coalesce(p.title ->> @Language, p.title ->> 'fr') AS project_title,
               coalesce(ph.title ->> @Language, ph.title ->> 'fr') AS phase_title, ph.method, ph.starts_at, ph.ends_at,
               ph.starts_at >= @NextFrom AS starting
          FROM phases ph JOIN projects p ON p.id = ph.project_id
         WHERE p.department_id = @DepartmentId AND p.status <> 'draft'
           AND ((ph.starts_at >= @NextFrom AND ph.starts_at < @NextTo) OR (ph.ends_at >= @NextFrom AND ph.ends_at < @NextTo))
         ORDER BY CASE WHEN ph.starts_at >= @NextFrom THEN ph.starts_at ELSE ph.ends_at END, ph.id
         LIMIT 20;
        """;

    private sealed record PhaseRow(
        Guid PhaseId,
        Guid ProjectId,
        string ProjectTitle,
        string PhaseTitle,
        string Method,
        DateTime StartsAt,
        DateTime? EndsAt,
        bool Starting
    );

    /// <summary>The summary of the department for the month [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static async Task<DepartmentSummary> ComputeAsync(
        DbConnection connection,
        Guid departmentId,
        string name,
        DateOnly start,
        DateOnly end,
        string language,
        CancellationToken ct
    )
    {
        var scope = new FigureScope(FigureScopeType.Department, departmentId, name, departmentId, null, null);
        var period = DigestPeriods.Instants(start, end);
        var last = end.AddDays(-1);
        var dashboard = await GetDashboard.LoadAsync(
            connection,
            scope,
            start,
            last,
            period,
            FigureQueries.DefaultWaitingDays,
            language,
            ct
        );
        var next = DigestPeriods.Instants(end, end.AddMonths(1));
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    DepartmentId = departmentId,
                    period.From,
                    period.To,
                    NextFrom = next.From,
                    NextTo = next.To,
                    Language = language,
                },
                cancellationToken: ct
            )
        );
        var projects = (await grid.ReadAsync<SummaryProject>()).ToList();
        var phases = (await grid.ReadAsync<PhaseRow>())
            .Select(p => new GetDashboard.UpcomingPhase(
                p.PhaseId,
                p.ProjectId,
                p.ProjectTitle,
                p.PhaseTitle,
                p.Method.ToEnum<PhaseMethod>(),
                p.StartsAt.AsUtc(),
                p.EndsAt?.AsUtc(),
                p.Starting
            ))
            .ToList();
        return new DepartmentSummary(
            departmentId,
            name,
            dashboard.From,
            dashboard.To,
            dashboard.PreviousFrom,
            dashboard.Figures,
            projects,
            dashboard.Decisions,
            dashboard.Waiting,
            dashboard.WaitingTotal,
            phases
        );
    }
}
