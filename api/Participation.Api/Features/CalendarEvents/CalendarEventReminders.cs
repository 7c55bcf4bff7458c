using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.CalendarEvents;

public sealed class CalendarEventOptions
{
    public const string Section = "CalendarEvents";

    /// <summary>How often an instance looks for reminders due.</summary>
    public int ReminderPollSeconds { get; set; } = 300;

    /// <summary>How long before the start registrants are reminded.</summary>
    public int ReminderHoursBefore { get; set; } = 24;
}

/// <summary>
/// The day before an event, each registered person gets one reminder. Registrations are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and marked in the transaction that queues the e-mail (whose dedup key names the event,
/// the person and the start), so two instances never send one twice. A moved start sends it again.
/// </summary>
public sealed class CalendarEventReminders(
    CityDb db,
    CalendarEventEmails emails,
    TimeProvider clock,
    IOptions<CalendarEventOptions> options
) : IPeriodicJob
{
    private const string ClaimSql = $"""
        SELECT {CalendarEventEmails.RecipientColumns}
          FROM calendar_event_registrations r
          JOIN calendar_events e ON e.id = r.event_id
          JOIN users u ON u.id = r.user_id
          LEFT JOIN projects p ON p.id = e.project_id
         WHERE r.status = 'registered' AND r.reminder_sent_at IS NULL
           AND e.status = 'scheduled' AND {CalendarEventRows.IsPublic}
           AND e.starts_at > @Now AND e.starts_at <= @Until
         ORDER BY e.starts_at, r.seq
         LIMIT 100
           FOR UPDATE OF r SKIP LOCKED;
        """;

    private const string MarkSql = """
        UPDATE calendar_event_registrations SET reminder_sent_at = @Now
         WHERE (event_id, user_id) IN (SELECT * FROM unnest(@Events::uuid[], @Users::uuid[]));
        """;

    public string Name => "calendar-event-reminders";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(Math.Max(1, options.Value.ReminderPollSeconds));

    /// <summary>One batch of reminders due; returns how many were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (
            await connection.QueryAsync<CalendarEventEmails.Recipient>(
                new CommandDefinition(
                    ClaimSql,
                    new { Now = now, Until = now.AddHours(options.Value.ReminderHoursBefore) },
                    tx,
                    cancellationToken: ct
                )
            )
        ).AsList();
        foreach (var r in due)
            await Outbox.EnqueueAsync(connection, tx, emails.Reminder(r), ct);
        await connection.ExecuteAsync(
            new CommandDefinition(
                MarkSql,
                new
                {
                    Now = now,
                    Events = due.Select(r => r.EventId).ToArray(),
                    Users = due.Select(r => r.UserId).ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );
        await tx.CommitAsync(ct);
        return due.Count;
    }
}

public static class CalendarEventsSetup
{
    /// <summary>The events' e-mails and the reminder job.</summary>
    public static IServiceCollection AddCalendarEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarEventOptions>(configuration.GetSection(CalendarEventOptions.Section));
        services.AddSingleton<CalendarEventEmails>();
        services.AddSingleton<CalendarEventReminders>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<CalendarEventReminders>());
        return services;
    }
}
