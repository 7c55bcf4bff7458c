namespace Participation.Api.Features.Notifications;

/// <summary>Marks some (or all) of the caller's notifications read; others' ids are ignored. Returns the unread count.</summary>
public static class MarkNotificationsRead
{
    public sealed record Request(IReadOnlyList<long>? Ids, bool? All);

    public sealed record Command(Guid ActorId, IReadOnlyList<long>? Ids, bool All) : ICommand<GetNotificationSummary.Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ids).Must((c, ids) => c.All || ids is { Count: > 0 }).WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Ids).Must(ids => ids is null || ids.Count <= 100).WithMessage(_ => Messages.Get("at_most_100_ids"));
        }
    }

    public sealed class Handler(CityDb db) : ICommandHandler<Command, GetNotificationSummary.Response>
    {
        private const string Sql = """
            UPDATE notifications SET read_at = now()
             WHERE user_id = @ActorId AND read_at IS NULL AND (@All OR id = ANY(@Ids));
            SELECT count(*)::int FROM notifications WHERE user_id = @ActorId AND read_at IS NULL;
            """;

        public async ValueTask<GetNotificationSummary.Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new(
                await connection.ExecuteScalarAsync<int>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.ActorId,
                            c.All,
                            Ids = (c.Ids ?? []).ToArray(),
                        },
                        cancellationToken: ct
                    )
                )
            );
        }
    }

    [EndpointSummary("Mark notifications read: the given ids, or all of them.")]
    public static ValueTask<GetNotificationSummary.Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.Ids, body.All ?? false), ct);
}
