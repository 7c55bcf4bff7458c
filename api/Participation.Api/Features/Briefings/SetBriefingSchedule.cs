using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Briefings;

/// <summary>An admin sets the briefings' schedule (audited: briefing.schedule_changed).</summary>
public static class SetBriefingSchedule
{
    public sealed record Request(
        [property: JsonRequired] BriefingFrequency Frequency,
        [property: JsonRequired] int SendDay,
        [property: JsonRequired] int SendHour
    );

    public sealed record Command(Guid ActorId, BriefingFrequency Frequency, int SendDay, int SendHour)
        : ICommand<GetBriefingSchedule.Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Frequency).IsInEnum().WithName("frequency").WithMessage(_ => Messages.Get("briefing_frequency"));
            RuleFor(c => c.SendDay).InclusiveBetween(1, 28).WithName("sendDay").WithMessage(_ => Messages.Get("briefing_send_day"));
            RuleFor(c => c.SendHour).InclusiveBetween(0, 23).WithName("sendHour").WithMessage(_ => Messages.Get("briefing_send_hour"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, TimeProvider clock)
        : ICommandHandler<Command, GetBriefingSchedule.Response>
    {
        private const string Sql = """
            INSERT INTO briefing_schedule (id, frequency, send_day, send_hour, updated_by, updated_at)
            VALUES (true, @Frequency, @SendDay, @SendHour, @ActorId, now())
            ON CONFLICT (city_id) DO UPDATE SET frequency = EXCLUDED.frequency, send_day = EXCLUDED.send_day,
                   send_hour = EXCLUDED.send_hour, updated_by = EXCLUDED.updated_by, updated_at = now();
            """;

        public async ValueTask<GetBriefingSchedule.Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(
                new CommandDefinition("LOCK TABLE briefing_schedule IN EXCLUSIVE MODE", transaction: tx, cancellationToken: ct)
            );
            var before = await BriefingSchedule.ReadAsync(connection, tx, ct);
            var after = new BriefingSchedule(c.Frequency, c.SendDay, c.SendHour);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        Frequency = c.Frequency.ToWire(),
                        c.SendDay,
                        c.SendHour,
                        c.ActorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (before != after)
                await events.RecordAsync(
                    tx,
                    EventType.BriefingScheduleChanged,
                    Actor.User(c.ActorId),
                    "briefing_schedule",
                    Scope.Platform,
                    Summary(before),
                    Summary(after),
                    null,
                    ct
                );
            await tx.CommitAsync(ct);
            return GetBriefingSchedule.Of(after, clock);
        }

        private static object Summary(BriefingSchedule s) =>
            new
            {
                frequency = s.Frequency.ToWire(),
                sendDay = s.SendDay,
                sendHour = s.SendHour,
            };
    }

    [EndpointSummary("Set the elected officials' briefing schedule (admins).")]
    public static ValueTask<GetBriefingSchedule.Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.Frequency, body.SendDay, body.SendHour), ct);
}
