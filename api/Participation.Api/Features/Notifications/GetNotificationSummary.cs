namespace Participation.Api.Features.Notifications;

/// <summary>The number of unread notifications (for the menu badge): one indexed count.</summary>
public static class GetNotificationSummary
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Response(int Unread);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT count(*)::int FROM notifications WHERE user_id = @ActorId AND read_at IS NULL;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new Response(await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, q, cancellationToken: ct)));
        }
    }

    [EndpointSummary("How many of your notifications are unread.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
