using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Figures;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Reports;

/// <summary>
/// The project's staff compose its report: goals and conclusions (rich text, sanitised with the platform's allow-list),
/// the sections shown, the phases whose results are shown (null: all) and the figures' period. <c>version</c> must be the
/// one last read (0 before the first save): someone else's save in between is a 409, never a lost update. Officials and
/// everyone else are refused. A save that changes nothing writes nothing.
/// </summary>
public static class SaveReport
{
    public const int MaxGoals = 20_000,
        MaxConclusions = 50_000,
        MaxPhases = 100;

    public sealed record Request(
        int Version,
        string? Goals,
        string? Conclusions,
        IReadOnlyList<ReportSection>? Sections,
        IReadOnlyList<Guid>? PhaseIds,
        DateOnly? From,
        DateOnly? To
    );

    public sealed record Command(Guid ActorId, Guid ProjectId, Request Body) : ICommand<Response>;

    /// <summary>The report's new version (to send with the next save) and when it was saved.</summary>
    public sealed record Response(int Version, DateTimeOffset UpdatedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("body");
            When(
                c => c.Body is not null,
                () =>
                {
                    RuleFor(c => c.Body.Version).GreaterThanOrEqualTo(0).OverridePropertyName("version");
                    RuleFor(c => c.Body.Goals).MaximumLength(MaxGoals).OverridePropertyName("goals");
                    RuleFor(c => c.Body.Conclusions).MaximumLength(MaxConclusions).OverridePropertyName("conclusions");
                    RuleFor(c => c.Body.Sections)
                        .Must(s => s is null || (s.All(Enum.IsDefined) && s.Distinct().Count() == s.Count))
                        .WithMessage(_ => Messages.Get("report_sections"))
                        .OverridePropertyName("sections");
                    RuleFor(c => c.Body.PhaseIds)
                        .Must(p => p is null || (p.Count <= MaxPhases && p.Distinct().Count() == p.Count))
                        .WithMessage(_ => Messages.Get("report_phases"))
                        .OverridePropertyName("phaseIds");
                    PeriodQuery.Rules(this, c => c.Body.From, c => c.Body.To, _ => null);
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string LockSql = """
            SELECT goals, conclusions, sections, phase_ids, period_from, period_to, version, updated_at
              FROM project_reports WHERE project_id = @ProjectId FOR UPDATE;
            """;

        private const string PhasesSql = "SELECT count(*)::int FROM phases WHERE project_id = @ProjectId AND id = ANY(@PhaseIds);";

        private const string InsertSql = """
            INSERT INTO project_reports (project_id, goals, conclusions, sections, phase_ids, period_from, period_to, updated_by)
            VALUES (@ProjectId, @Goals, @Conclusions, @Sections, @PhaseIds, @From, @To, @ActorId)
            ON CONFLICT (project_id) DO NOTHING
            RETURNING version, updated_at;
            """;

        private const string UpdateSql = """
            UPDATE project_reports
               SET goals = @Goals, conclusions = @Conclusions, sections = @Sections, phase_ids = @PhaseIds,
                   period_from = @From, period_to = @To, version = version + 1, updated_at = now(), updated_by = @ActorId
             WHERE project_id = @ProjectId
            RETURNING version, updated_at;
            """;

        // A class (not a positional record): Dapper reads the arrays through property setters.
        private sealed class Row
        {
            public string Goals { get; init; } = "";
            public string Conclusions { get; init; } = "";
            public string[] Sections { get; init; } = [];
            public Guid[]? PhaseIds { get; init; }
            public DateOnly? PeriodFrom { get; init; }
            public DateOnly? PeriodTo { get; init; }
            public int Version { get; init; }
            public DateTime UpdatedAt { get; init; }
        }

        private sealed record Saved(int Version, DateTime UpdatedAt);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var b = c.Body;
            var goals = RichText.Sanitize(b.Goals ?? "");
            var conclusions = RichText.Sanitize(b.Conclusions ?? "");
            if (goals.Length > MaxGoals || conclusions.Length > MaxConclusions)
                throw new ValidationException([
                    new ValidationFailure(goals.Length > MaxGoals ? "goals" : "conclusions", Messages.Get("report_too_long")),
                ]);
            var sections = (b.Sections ?? Enum.GetValues<ReportSection>()).OrderBy(s => s).Select(s => s.ToWire()).ToArray();
            var phaseIds = b.PhaseIds?.ToArray();

            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ReportAccess.RequireAsync(connection, c.ActorId, c.ProjectId, write: true, tx, ct);
            if (
                phaseIds is { Length: > 0 }
                && await connection.ExecuteScalarAsync<int>(
                    new CommandDefinition(PhasesSql, new { c.ProjectId, PhaseIds = phaseIds }, tx, cancellationToken: ct)
                ) != phaseIds.Length
            )
                throw new ValidationException([new ValidationFailure("phaseIds", Messages.Get("report_phases"))]);

            var current = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(LockSql, new { c.ProjectId }, tx, cancellationToken: ct)
            );
            if (b.Version != (current?.Version ?? 0))
                throw new ConflictException(Messages.Get("report_stale"));
            var from = b.From;
            var to = b.To;
            if (
                current is not null
                && current.Goals == goals
                && current.Conclusions == conclusions
                && current.Sections.SequenceEqual(sections)
                && (current.PhaseIds ?? []).SequenceEqual(phaseIds ?? [])
                && (current.PhaseIds is null) == (phaseIds is null)
                && current.PeriodFrom == from
                && current.PeriodTo == to
            )
                return new Response(current.Version, new(DateTime.SpecifyKind(current.UpdatedAt, DateTimeKind.Utc)));

            var args = new
            {
                c.ProjectId,
                c.ActorId,
                Goals = goals,
                Conclusions = conclusions,
                Sections = sections,
                PhaseIds = phaseIds,
                From = from,
                To = to,
            };
            var saved = await connection.QuerySingleOrDefaultAsync<Saved>(
                new CommandDefinition(current is null ? InsertSql : UpdateSql, args, tx, cancellationToken: ct)
            ) ?? throw new ConflictException(Messages.Get("report_stale")); // created by someone else in between

            static object Summary(string goals, string conclusions, string[] sections, Guid[]? phases, DateOnly? from, DateOnly? to) =>
                new
                {
                    goalsLength = goals.Length,
                    conclusionsLength = conclusions.Length,
                    sections,
                    phaseIds = phases,
                    from,
                    to,
                };
            await events.RecordAsync(
                tx,
                EventType.ReportEdited,
                Actor.User(c.ActorId),
                c.ProjectId,
                Scope.Project(c.ProjectId),
                before: current is null
                    ? null
                    : Summary(current.Goals, current.Conclusions, current.Sections, current.PhaseIds, current.PeriodFrom, current.PeriodTo),
                after: Summary(goals, conclusions, sections, phaseIds, from, to),
                data: new { version = saved.Version },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return new Response(saved.Version, new(DateTime.SpecifyKind(saved.UpdatedAt, DateTimeKind.Utc)));
        }
    }

    [EndpointSummary("Compose a project's results report: goals, conclusions, sections, phases and period (409 on a stale version).")]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
