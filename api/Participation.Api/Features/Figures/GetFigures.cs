namespace Participation.Api.Features.Figures;

/// <summary>
/// The catalogue's figures for a scope and period, against the previous period of the same length, with their weekly
/// series and the public ideas by status; each figure carries its definition. For the scope's readers (see
/// <see cref="FigureAccess"/>) and API clients with statistics:read.
/// </summary>
public static class GetFigures
{
    public sealed record Query(Caller Caller, FigureScopeType ScopeType, Guid? ScopeId, DateOnly? From, DateOnly? To, int? WaitingDays)
        : IQuery<Response>;

    /// <param name="Scope">What the figures cover.</param>
    /// <param name="From">The period's first day (platform time).</param>
    /// <param name="To">The period's last day, included.</param>
    /// <param name="PreviousFrom">The previous period's first day (it ends the day before <paramref name="From"/>).</param>
    /// <param name="WaitingDays">The threshold of "waiting for an answer".</param>
    /// <param name="Figures">The catalogue, in a fixed order.</param>
    /// <param name="Weeks">Week by week (Mondays), the first and last cut at the period's limits.</param>
    /// <param name="IdeasByStatus">The scope's public ideas by their current status.</param>
    public sealed record Response(
        FigureScope Scope,
        DateOnly From,
        DateOnly To,
        DateOnly PreviousFrom,
        int WaitingDays,
        IReadOnlyList<Figure> Figures,
        IReadOnlyList<WeekFigures> Weeks,
        IReadOnlyList<StatusCount> IdeasByStatus
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

    public sealed class Handler(StaleReads db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var scope = await FigureAccess.RequireAsync(connection, q.Caller, q.ScopeType, q.ScopeId, clients: true, ct);
            var (from, to, period) = PeriodQuery.Resolve(q.From, q.To, clock);
            var waiting = q.WaitingDays ?? FigureQueries.DefaultWaitingDays;
            var set = await FigureQueries.ComputeAsync(connection, scope, period, waiting, RequestLanguage.Current, ct);
            return new Response(
                scope,
                from,
                to,
                from.AddDays(from.DayNumber - to.DayNumber - 1),
                waiting,
                set.Figures,
                set.Weeks,
                set.IdeasByStatus
            );
        }
    }

    /// <summary>The query string (described in the contract).</summary>
    public sealed record QueryString(
        [property: QueryEnum<FigureScopeType>] string? ScopeType,
        Guid? ScopeId,
        DateOnly? From,
        DateOnly? To,
        int? WaitingDays
    );

    [EndpointSummary("The catalogue's participation figures for a scope and period, against the previous period, week by week.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
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
