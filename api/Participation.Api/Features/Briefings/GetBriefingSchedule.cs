using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Briefings;

/// <summary>The briefings' schedule and the next period that will go out (admins).</summary>
public static class GetBriefingSchedule
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    /// <param name="Frequency">How often briefings go out (off: never by the schedule; "send now" still works).</param>
    /// <param name="SendDay">The day of the month after a period ends when its briefings go out (1–28).</param>
    /// <param name="SendHour">From which hour that day (0–23, platform time: Europe/Brussels).</param>
    /// <param name="Next">The next period whose briefings will go out, and when (none when off).</param>
    public sealed record Response(BriefingFrequency Frequency, int SendDay, int SendHour, NextBriefing? Next);

    /// <param name="From">The period's first day.</param>
    /// <param name="To">Its last day, included.</param>
    /// <param name="SendAt">When its briefings go out.</param>
    public sealed record NextBriefing(DateOnly From, DateOnly To, DateTimeOffset SendAt);

    public static Response Of(BriefingSchedule s, TimeProvider clock) =>
        new(s.Frequency, s.SendDay, s.SendHour, s.Next(clock) is var (from, to, at) ? new NextBriefing(from, to, at) : null);

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            return Of(await BriefingSchedule.ReadAsync(connection, null, ct), clock);
        }
    }

    [EndpointSummary("The elected officials' briefing schedule and the next period to go out (admins).")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
