using System.Text.Json.Serialization;

namespace Participation.Api.Features.Notifications;

/// <summary>Sets the caller's channel for the given categories (the others keep theirs).</summary>
public static class SetNotificationPreferences
{
    public sealed record Change(
        [property: JsonRequired] NotificationCategory Category,
        [property: JsonRequired] NotificationChannel Channel
    );

    public sealed record Request(IReadOnlyList<Change> Preferences);

    public sealed record Command(Guid ActorId, IReadOnlyList<Change> Preferences) : ICommand<IReadOnlyList<NotificationPreference>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Preferences)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(p => p is null || p.Count <= NotificationCategories.All.Length)
                .WithMessage(_ => Messages.Get("one_per_category"))
                .Must(p => p is null || p.Select(x => x?.Category).Distinct().Count() == p.Count)
                .WithMessage(_ => Messages.Get("one_per_category"));
            RuleForEach(c => c.Preferences)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .ChildRules(p =>
                {
                    p.RuleFor(x => x.Category).IsInEnum().WithMessage(_ => Messages.Get("notification_category"));
                    p.RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => Messages.Get("notification_channel"));
                });
        }
    }

    public sealed class Handler(CityDb db, ISender sender) : ICommandHandler<Command, IReadOnlyList<NotificationPreference>>
    {
        private const string Sql = """
            INSERT INTO notification_preferences (user_id, category, channel)
            SELECT @ActorId, x.category, x.channel FROM unnest(@Categories::text[], @Channels::text[]) AS x(category, channel)
            ON CONFLICT (user_id, category) DO UPDATE SET channel = EXCLUDED.channel;
            """;

        public async ValueTask<IReadOnlyList<NotificationPreference>> Handle(Command c, CancellationToken ct)
        {
            await using (var connection = await db.OpenConnectionAsync(ct))
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.ActorId,
                            Categories = c.Preferences.Select(p => p.Category.ToWire()).ToArray(),
                            Channels = c.Preferences.Select(p => p.Channel.ToWire()).ToArray(),
                        },
                        cancellationToken: ct
                    )
                );
            }
            return await sender.Send(new GetNotificationPreferences.Query(c.ActorId), ct);
        }
    }

    [EndpointSummary("Choose e-mail, in-app or off per notification category.")]
    public static ValueTask<IReadOnlyList<NotificationPreference>> Endpoint(
        Request body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, body.Preferences), ct);
}
