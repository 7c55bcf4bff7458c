using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Figures;

/// <summary>
/// A scope's dashboard for the people who oversee it (see <see cref="FigureAccess"/>; read-only): the catalogue's
/// figures against the previous period and week by week (<see cref="FigureQueries"/>, the same values as everywhere),
/// participation by phase and by method, the most supported ideas, the decisions taken, what waits for an answer and
/// the phases starting or ending soon. One batch of statements, whatever the scope's size.
/// </summary>
public static class GetDashboard
{
    public const int UpcomingDays = 60;

    public sealed record Query(Caller Caller, FigureScopeType ScopeType, Guid? ScopeId, DateOnly? From, DateOnly? To, int? WaitingDays)
        : IQuery<Response>;

    /// <summary>A phase that ran during the period, with the participation it had in it.</summary>
    public sealed record PhaseParticipation(
        Guid PhaseId,
        Guid ProjectId,
        string ProjectTitle,
        string PhaseTitle,
        PhaseMethod Method,
        DateTimeOffset StartsAt,
        DateTimeOffset? EndsAt,
        int Participants,
        int Actions
    );

    /// <summary>Participation in the period by the method of the phase it happened in.</summary>
    public sealed record MethodParticipation(PhaseMethod Method, int Participants, int Actions);

    /// <summary>A public idea of the scope among the most supported (likes).</summary>
    public sealed record TopIdea(Guid Id, Guid ProjectId, string ProjectTitle, string Title, IdeaStatus Status, int Likes, int Comments);

    /// <summary>An official answer given in the period (the newest first).</summary>
    public sealed record Decision(Guid IdeaId, Guid ProjectId, string Title, IdeaStatus Status, string? Feedback, DateTimeOffset At);

    /// <summary>A public idea still waiting for its first official answer (the longest waiting first).</summary>
    public sealed record WaitingIdea(Guid Id, Guid ProjectId, string ProjectTitle, string Title, DateTimeOffset PostedAt, int DaysWaiting);

    /// <summary>A phase starting or ending in the coming days.</summary>
    public sealed record UpcomingPhase(
        Guid PhaseId,
        Guid ProjectId,
        string ProjectTitle,
        string PhaseTitle,
        PhaseMethod Method,
        DateTimeOffset StartsAt,
        DateTimeOffset? EndsAt,
        bool Starting
    );

    public sealed record Response(
        FigureScope Scope,
        DateOnly From,
        DateOnly To,
        DateOnly PreviousFrom,
        int WaitingDays,
        IReadOnlyList<Figure> Figures,
        IReadOnlyList<WeekFigures> Weeks,
        IReadOnlyList<StatusCount> IdeasByStatus,
        IReadOnlyList<PhaseParticipation> Phases,
        IReadOnlyList<MethodParticipation> Methods,
        IReadOnlyList<TopIdea> TopIdeas,
        IReadOnlyList<Decision> Decisions,
        IReadOnlyList<WaitingIdea> Waiting,
        int WaitingTotal,
        IReadOnlyList<UpcomingPhase> UpcomingPhases
    );

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.ScopeType).IsInEnum();
            RuleFor(q => q.ScopeId)
                .NotNull()
                .When(q => q.ScopeType != FigureScopeType.Platform)
                .WithName("scopeId")
                .WithMessage(_ => Messages.Get("scope_id_required"));
            RuleFor(q => q.ScopeId)
                .Null()
                .When(q => q.ScopeType == FigureScopeType.Platform)
                .WithName("scopeId")
                .WithMessage(_ => Messages.Get("scope_id_forbidden"));
            PeriodQuery.Rules(this, q => q.From, q => q.To, q => q.WaitingDays);
        }
    }

    /// <summary>Projects listed on a dashboard: the scope's, drafts only when the scope is that project.</summary>
    internal const string Listed = $"""
        lp AS (SELECT p.id, p.title FROM projects p
                WHERE p.id = ANY (@ProjectIds) AND (p.status <> 'draft' OR @ScopeType IN ('project', 'phase')))
        """;

    /// <summary>The most supported public ideas of the scope (columns of <c>TopIdea</c>; @ScopeType, @ScopeId, @Language).</summary>
    internal const string TopIdeasSql = $"""
        WITH {Listed}
        SELECT i.id, i.project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS project_title, i.title, i.status,
               i.likes_count AS likes, i.comments_count AS comments
          FROM ideas i JOIN lp ON lp.id = i.project_id
         WHERE i.listed AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId)
         ORDER BY i.likes_count DESC, i.comments_count DESC, i.id
         LIMIT 5;
        """;

    /// <summary>The official answers given in the period [@From, @To), newest first (columns of <c>Decision</c>).</summary>
    internal const string DecisionsSql = $"""
        WITH {Listed}
        SELECT i.id AS idea_id, i.project_id, i.title, sc.to_status AS status, left(sc.feedback, 300) AS feedback, sc.created_at AS at
          FROM idea_status_changes sc JOIN ideas i ON i.id = sc.idea_id JOIN lp ON lp.id = i.project_id
         WHERE {FigureDefinitions.IsOfficialAnswer} AND i.listed AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId)
           AND sc.created_at >= @From AND sc.created_at < @To
         ORDER BY sc.created_at DESC, sc.id DESC
         LIMIT 10;
        """;

    private const string Sql = $"""
        WITH {Listed},
        a AS ({FigureQueries.ScopeActions} AND a.at >= @From),
        pa AS (SELECT a.phase_id, count(DISTINCT a.user_id) AS participants, count(*) AS actions FROM a GROUP BY a.phase_id)
        SELECT ph.id AS phase_id, ph.project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS project_title,
               coalesce(ph.title ->> @Language, ph.title ->> 'fr') AS phase_title, ph.method, ph.starts_at, ph.ends_at,
               coalesce(pa.participants, 0) AS participants, coalesce(pa.actions, 0) AS actions
          FROM phases ph JOIN lp ON lp.id = ph.project_id LEFT JOIN pa ON pa.phase_id = ph.id
         WHERE (@ScopeType <> 'phase' OR ph.id = @ScopeId) AND ph.starts_at < @To AND (ph.ends_at IS NULL OR ph.ends_at > @From)
         ORDER BY participants DESC, ph.starts_at, ph.id
         LIMIT 50;

        WITH a AS ({FigureQueries.ScopeActions} AND a.at >= @From)
        SELECT ph.method, count(DISTINCT a.user_id) AS participants, count(*) AS actions
          FROM a JOIN phases ph ON ph.id = a.phase_id
         GROUP BY ph.method ORDER BY ph.method;

        {TopIdeasSql}

        {DecisionsSql}

        WITH {Listed},
        w AS (SELECT i.id, i.project_id, i.title, i.created_at FROM ideas i
               WHERE i.project_id IN (SELECT id FROM lp) AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId)
                 AND {FigureDefinitions.IsWaiting})
        SELECT w.id, w.project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS project_title, w.title,
               w.created_at AS posted_at, extract(day FROM now() - w.created_at)::int AS days_waiting,
               count(*) OVER () AS total
          FROM w JOIN lp ON lp.id = w.project_id
         ORDER BY w.created_at, w.id
         LIMIT 10;

        WITH {Listed}
        SELECT ph.id AS phase_id, ph.project_id, coalesce(lp.title ->> @Language, lp.title ->> 'fr') AS project_title,
               coalesce(ph.title ->> @Language, ph.title ->> 'fr') AS phase_title, ph.method, ph.starts_at, ph.ends_at,
               ph.starts_at >= now() AS starting
          FROM phases ph JOIN lp ON lp.id = ph.project_id
         WHERE (@ScopeType <> 'phase' OR ph.id = @ScopeId)
           AND ((ph.starts_at >= now() AND ph.starts_at < now() + make_interval(days => @UpcomingDays))
                OR (ph.ends_at >= now() AND ph.ends_at < now() + make_interval(days => @UpcomingDays)))
         ORDER BY CASE WHEN ph.starts_at >= now() THEN ph.starts_at ELSE ph.ends_at END, ph.id
         LIMIT 10;
        """;

    private sealed record PhaseRow(
        Guid PhaseId,
        Guid ProjectId,
        string ProjectTitle,
        string PhaseTitle,
        string Method,
        DateTime StartsAt,
        DateTime? EndsAt,
        long Participants,
        long Actions
    );

    private sealed record MethodRow(string Method, long Participants, long Actions);

    internal sealed record IdeaRow(Guid Id, Guid ProjectId, string ProjectTitle, string Title, string Status, int Likes, int Comments);

    internal sealed record DecisionRow(Guid IdeaId, Guid ProjectId, string Title, string Status, string? Feedback, DateTime At);

    private sealed record WaitingRow(
        Guid Id,
        Guid ProjectId,
        string ProjectTitle,
        string Title,
        DateTime PostedAt,
        int DaysWaiting,
        long Total
    );

    private sealed record UpcomingRow(
        Guid PhaseId,
        Guid ProjectId,
        string ProjectTitle,
        string PhaseTitle,
        string Method,
        DateTime StartsAt,
        DateTime? EndsAt,
        bool Starting
    );

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } a ? Utc(a) : null;

    public sealed class Handler(StaleReads db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var scope = await FigureAccess.RequireAsync(connection, q.Caller, q.ScopeType, q.ScopeId, clients: false, ct);
            var (from, to, period) = PeriodQuery.Resolve(q.From, q.To, clock);
            var waitingDays = q.WaitingDays ?? FigureQueries.DefaultWaitingDays;
            return await LoadAsync(connection, scope, from, to, period, waitingDays, RequestLanguage.Current, ct);
        }
    }

    /// <summary>
    /// The dashboard of a scope the caller was allowed to read, for the days [<paramref name="from"/>, <paramref name="to"/>]
    /// (<paramref name="period"/>): what the endpoint answers, and what the department heads' summaries show, so both agree.
    /// </summary>
    public static async Task<Response> LoadAsync(
        System.Data.Common.DbConnection connection,
        FigureScope scope,
        DateOnly from,
        DateOnly to,
        Period period,
        int waitingDays,
        string language,
        CancellationToken ct
    )
    {
        var projectIds = await FigureQueries.ProjectIdsAsync(connection, scope, ct);
        var set = await FigureQueries.ComputeAsync(connection, scope, projectIds, period, waitingDays, language, ct);
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    ScopeType = scope.Type.ToWire(),
                    ScopeId = scope.Id,
                    ProjectIds = projectIds,
                    period.From,
                    period.To,
                    Language = language,
                    UpcomingDays,
                },
                commandTimeout: FigureQueries.CommandTimeoutSeconds,
                cancellationToken: ct
            )
        );
        var phases = (await grid.ReadAsync<PhaseRow>())
            .Select(p => new PhaseParticipation(
                p.PhaseId,
                p.ProjectId,
                p.ProjectTitle,
                p.PhaseTitle,
                p.Method.ToEnum<PhaseMethod>(),
                Utc(p.StartsAt),
                Utc(p.EndsAt),
                (int)p.Participants,
                (int)p.Actions
            ))
            .ToList();
        var methods = (await grid.ReadAsync<MethodRow>())
            .Select(m => new MethodParticipation(m.Method.ToEnum<PhaseMethod>(), (int)m.Participants, (int)m.Actions))
            .ToList();
        var top = (await grid.ReadAsync<IdeaRow>())
            .Select(i => new TopIdea(i.Id, i.ProjectId, i.ProjectTitle, i.Title, i.Status.ToEnum<IdeaStatus>(), i.Likes, i.Comments))
            .ToList();
        var decisions = (await grid.ReadAsync<DecisionRow>())
            .Select(d => new Decision(d.IdeaId, d.ProjectId, d.Title, d.Status.ToEnum<IdeaStatus>(), d.Feedback, Utc(d.At)))
            .ToList();
        var waitingRows = (await grid.ReadAsync<WaitingRow>()).ToList();
        var upcoming = (await grid.ReadAsync<UpcomingRow>())
            .Select(u => new UpcomingPhase(
                u.PhaseId,
                u.ProjectId,
                u.ProjectTitle,
                u.PhaseTitle,
                u.Method.ToEnum<PhaseMethod>(),
                Utc(u.StartsAt),
                Utc(u.EndsAt),
                u.Starting
            ))
            .ToList();
        return new Response(
            scope,
            from,
            to,
            from.AddDays(from.DayNumber - to.DayNumber - 1),
            waitingDays,
            set.Figures,
            set.Weeks,
            set.IdeasByStatus,
            phases,
            methods,
            top,
            decisions,
            waitingRows.Select(w => new WaitingIdea(w.Id, w.ProjectId, w.ProjectTitle, w.Title, Utc(w.PostedAt), w.DaysWaiting)).ToList(),
            (int)(waitingRows.FirstOrDefault()?.Total ?? 0),
            upcoming
        );
    }

    [EndpointSummary(
        "A scope's dashboard: figures against the previous period, weekly series, participation by phase and method, "
            + "most supported ideas, decisions, what waits for an answer, upcoming phases."
    )]
    public static ValueTask<Response> Endpoint(
        [AsParameters] GetFigures.QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) =>
        sender.Send(
            new Query(
                caller,
                WireEnum.FromQuery<FigureScopeType>(q.ScopeType) ?? FigureScopeType.Platform,
                q.ScopeId,
                q.From,
                q.To,
                q.WaitingDays
            ),
            ct
        );
}
