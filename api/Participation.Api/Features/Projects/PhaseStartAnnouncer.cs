using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Projects;

public sealed class PhaseStartOptions
{
    public const string Section = "PhaseStarts";

    /// <summary>How often an instance looks for phases whose start has passed.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>A start older than this is not announced any more (a phase added with a start long past is no news).</summary>
    public int AnnounceWithinHours { get; set; } = 48;
}

/// <summary>
/// Announces each phase's start once, when its time has passed, for published projects: the phase is claimed in
/// <c>phase_start_announcements</c> (its primary key; <c>ON CONFLICT DO NOTHING</c>) in the transaction that records
/// <c>phase.started</c>, whose projection notifies the project's followers. Two instances running at once, or a restart
/// in the middle, announce each start once: the second claim of a phase finds the first one's row and records nothing.
/// </summary>
public sealed class PhaseStartAnnouncer(CityDb db, EventRecorder events, TimeProvider clock, IOptions<PhaseStartOptions> options)
    : IPeriodicJob
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT ph.id, ph.project_id, ph.starts_at, ph.title::text AS title, ph.method
              FROM phases ph
              JOIN projects p ON p.id = ph.project_id
             WHERE p.status = 'published' AND ph.starts_at <= @Now AND ph.starts_at > @Since
               AND NOT EXISTS (SELECT 1 FROM phase_start_announcements a WHERE a.phase_id = ph.id)
             ORDER BY ph.starts_at, ph.id
             LIMIT 50
               FOR UPDATE OF ph SKIP LOCKED),
        claimed AS (
            INSERT INTO phase_start_announcements (phase_id, starts_at, announced_at)
            SELECT id, starts_at, @Now FROM due
            ON CONFLICT (phase_id) DO NOTHING
            RETURNING phase_id)
        SELECT due.id, due.project_id, due.starts_at, due.title, due.method
          FROM due JOIN claimed ON claimed.phase_id = due.id
         ORDER BY due.starts_at, due.id;
        """;

    private sealed record Due(Guid Id, Guid ProjectId, DateTime StartsAt, string Title, string Method);

    public string Name => "phase-start-announcements";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));

    /// <summary>Announces one batch of started phases; returns how many were announced.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (
            await connection.QueryAsync<Due>(
                new CommandDefinition(
                    ClaimSql,
                    new { Now = now, Since = now.AddHours(-Math.Max(1, options.Value.AnnounceWithinHours)) },
                    tx,
                    cancellationToken: ct
                )
            )
        ).AsList();
        foreach (var phase in due)
            await events.RecordAsync(
                tx,
                EventType.PhaseStarted,
                Actor.System,
                phase.Id,
                Scope.Phase(phase.Id, phase.ProjectId),
                after: new
                {
                    title = LocalizedText.FromJson(phase.Title),
                    method = phase.Method,
                    startsAt = phase.StartsAt.AsUtc(),
                },
                ct: ct
            );
        await tx.CommitAsync(ct);
        return due.Count;
    }
}

public static class PhaseStartsSetup
{
    /// <summary>The job announcing phase starts (to the projects' followers, through the notifications projection).</summary>
    public static IServiceCollection AddPhaseStarts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PhaseStartOptions>(configuration.GetSection(PhaseStartOptions.Section));
        services.AddSingleton<PhaseStartAnnouncer>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<PhaseStartAnnouncer>());
        return services;
    }
}
