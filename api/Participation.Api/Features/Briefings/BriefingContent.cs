using System.Data;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Briefings;

/// <summary>What a briefing covers: the platform (no id) or a department.</summary>
public sealed record BriefingScope(FigureScopeType Type, Guid? Id)
{
    public FigureScope ToFigureScope(string name) => new(Type, Id, name, Id, null, null);

    public static BriefingScope Of(string type, Guid? id) => new(type.ToEnum<FigureScopeType>(), id);
}

/// <summary>A phase of the scope starting or ending in the period or the weeks after it.</summary>
public sealed record BriefingPhase(Guid ProjectId, string ProjectTitle, string PhaseTitle, DateTimeOffset StartsAt, DateTimeOffset? EndsAt);

/// <summary>A project that needs attention: public ideas waiting for an answer for more than the threshold at the period's end.</summary>
public sealed record AttentionProject(Guid ProjectId, string ProjectTitle, int Waiting, int OldestDays);

/// <summary>The highlights of a scope and period, in one language.</summary>
public sealed record BriefingHighlights(
    string ScopeName,
    IReadOnlyList<GetDashboard.TopIdea> TopIdeas,
    IReadOnlyList<GetDashboard.Decision> Decisions,
    IReadOnlyList<BriefingPhase> Phases,
    IReadOnlyList<AttentionProject> Attention
);

/// <summary>
/// A briefing's content for a scope and period: the catalogue's figures (computed once per scope by
/// <see cref="FigureQueries"/>, the dashboard's values) and the highlights (one batch per scope and language, with the
/// dashboard's own statements for the most supported ideas and the decisions).
/// <para>Definitions: phases starting or ending: a phase of a listed project whose start or end falls in the period or
/// the <see cref="UpcomingDays"/> days after it. A project needs attention when public ideas of it have waited for an
/// official answer for more than <see cref="FigureQueries.DefaultWaitingDays"/> days at the period's end (the
/// waiting_for_answer figure, by project). A briefing is <b>empty</b> when every figure counting activity in the period is
/// zero (participants, ideas, comments, reactions, votes, baskets, survey responses, official answers, registrations)
/// and there is no decision and no phase starting or ending: stocks (ideas still waiting, the most supported ideas) alone
/// are not news. An empty briefing is never sent.</para>
/// </summary>
public static class BriefingContent
{
    public const int UpcomingDays = 42;

    private static readonly FigureKey[] Activity =
    [
        FigureKey.Participants,
        FigureKey.NewParticipants,
        FigureKey.Ideas,
        FigureKey.Comments,
        FigureKey.Reactions,
        FigureKey.Votes,
        FigureKey.Voters,
        FigureKey.BasketsSubmitted,
        FigureKey.SurveyResponses,
        FigureKey.OfficialAnswers,
        FigureKey.Registrations,
    ];

    private const string HighlightsSql = $"""
        SELECT CASE WHEN @ScopeType = 'platform' THEN (SELECT name FROM platform_settings LIMIT 1)
                    ELSE (SELECT coalesce(d.name ->> @Language, d.name ->> 'fr') FROM departments d WHERE d.id = @ScopeId) END;

        {GetDashboard.TopIdeasSql}

        {GetDashboard.DecisionsSql}

        WITH {GetDashboard.Listed}
        SELECT ph.project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS project_title,
               coalesce(ph.title ->> @Language, ph.title ->> 'fr') AS phase_title, ph.starts_at, ph.ends_at
          FROM phases ph JOIN lp ON lp.id = ph.project_id
         WHERE (ph.starts_at >= @From AND ph.starts_at < @UpcomingTo) OR (ph.ends_at >= @From AND ph.ends_at < @UpcomingTo)
         ORDER BY ph.starts_at, ph.id
         LIMIT 10;

        WITH {GetDashboard.Listed}
        SELECT i.project_id, coalesce(min(lp.title ->> @Language), min(lp.title ->> 'fr')) AS project_title, count(*) AS waiting,
               max(extract(day FROM @To - i.created_at))::int AS oldest_days
          FROM ideas i JOIN lp ON lp.id = i.project_id
         WHERE i.listed AND i.created_at < @To - make_interval(days => @WaitingDays)
           AND NOT EXISTS (SELECT 1 FROM idea_status_changes sc
                            WHERE sc.idea_id = i.id AND sc.created_at < @To AND {FigureDefinitions.IsOfficialAnswer})
         GROUP BY i.project_id
         ORDER BY waiting DESC, i.project_id
         LIMIT 5;
        """;

    private sealed record PhaseRow(Guid ProjectId, string ProjectTitle, string PhaseTitle, DateTime StartsAt, DateTime? EndsAt);

    private sealed record AttentionRow(Guid ProjectId, string ProjectTitle, long Waiting, int OldestDays);

    /// <summary>The period [From, To) of the days <paramref name="first"/> to <paramref name="last"/> (platform time).</summary>
    public static Period PeriodOf(DateOnly first, DateOnly last) => new(PeriodQuery.StartOf(first), PeriodQuery.StartOf(last.AddDays(1)));

    /// <summary>The catalogue's figures of the scope and period (labels in French: relabel with <see cref="Relabel"/>).</summary>
    public static Task<FigureSet> FiguresAsync(
        IDbConnection connection,
        BriefingScope scope,
        Guid[] projectIds,
        Period period,
        CancellationToken ct
    ) => FigureQueries.ComputeAsync(connection, scope.ToFigureScope(""), projectIds, period, FigureQueries.DefaultWaitingDays, "fr", ct);

    /// <summary>The same figures with their labels and definitions in <paramref name="language"/>.</summary>
    public static IReadOnlyList<Figure> Relabel(FigureSet set, string language) =>
        set
            .Figures.Select(f =>
            {
                var text = FigureCatalogue.Of(f.Key, language, set.WaitingDays);
                return f with { Label = text.Label, Definition = text.Definition };
            })
            .ToList();

    public static async Task<BriefingHighlights> HighlightsAsync(
        IDbConnection connection,
        BriefingScope scope,
        Guid[] projectIds,
        Period period,
        string language,
        CancellationToken ct
    )
    {
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                HighlightsSql,
                new
                {
                    ScopeType = scope.Type.ToWire(),
                    ScopeId = scope.Id,
                    ProjectIds = projectIds,
                    period.From,
                    period.To,
                    UpcomingTo = period.To.AddDays(UpcomingDays),
                    Language = language,
                    WaitingDays = FigureQueries.DefaultWaitingDays,
                },
                commandTimeout: FigureQueries.CommandTimeoutSeconds,
                cancellationToken: ct
            )
        );
        var name = await grid.ReadSingleOrDefaultAsync<string?>() ?? "";
        var top = (await grid.ReadAsync<GetDashboard.IdeaRow>())
            .Select(i => new GetDashboard.TopIdea(
                i.Id,
                i.ProjectId,
                i.ProjectTitle,
                i.Title,
                i.Status.ToEnum<IdeaStatus>(),
                i.Likes,
                i.Comments
            ))
            .ToList();
        var decisions = (await grid.ReadAsync<GetDashboard.DecisionRow>())
            .Select(d => new GetDashboard.Decision(d.IdeaId, d.ProjectId, d.Title, d.Status.ToEnum<IdeaStatus>(), d.Feedback, d.At.AsUtc()))
            .ToList();
        var phases = (await grid.ReadAsync<PhaseRow>())
            .Select(p => new BriefingPhase(p.ProjectId, p.ProjectTitle, p.PhaseTitle, p.StartsAt.AsUtc(), p.EndsAt?.AsUtc()))
            .ToList();
        var attention = (await grid.ReadAsync<AttentionRow>())
            .Select(a => new AttentionProject(a.ProjectId, a.ProjectTitle, (int)a.Waiting, a.OldestDays))
            .ToList();
        return new BriefingHighlights(name, top, decisions, phases, attention);
    }

    /// <summary>Nothing to report (see the class's definition): such a briefing is skipped and logged.</summary>
    public static bool IsEmpty(FigureSet figures, BriefingHighlights highlights) =>
        figures.Figures.Where(f => Activity.Contains(f.Key)).All(f => f.Value is null or 0)
        && highlights.Decisions.Count == 0
        && highlights.Phases.Count == 0;
}
