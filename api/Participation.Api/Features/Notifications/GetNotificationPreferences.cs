namespace Participation.Api.Features.Notifications;

/// <summary>The caller's channel for every category (e-mail and in-app, in-app only, or off), defaults included.</summary>
public static class GetNotificationPreferences
{
    public sealed record Query(Guid ActorId) : IQuery<IReadOnlyList<NotificationPreference>>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, IReadOnlyList<NotificationPreference>>
    {
        private const string Sql = """
            SELECT category, channel FROM notification_preferences WHERE user_id = @ActorId;
            SELECT DISTINCT role FROM user_roles WHERE user_id = @ActorId;
            """;

        private sealed record Row(string Category, string Channel);

        public async ValueTask<IReadOnlyList<NotificationPreference>> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(Sql, q, cancellationToken: ct));
            var chosen = (await grid.ReadAsync<Row>()).ToDictionary(
                r => r.Category.ToEnum<NotificationCategory>(),
                r => r.Channel.ToEnum<NotificationChannel>()
            );
            var roles = (await grid.ReadAsync<string>()).ToHashSet();
            return Enum.GetValues<NotificationCategory>()
                .Where(c => NotificationCategories.RoleOf(c) is not { } role || roles.Contains(role))
                .Select(c => new NotificationPreference(
                    c,
                    chosen.TryGetValue(c, out var channel) ? channel : NotificationCategories.Default(c),
                    NotificationCategories.Default(c)
                ))
                .ToList();
        }
    }

    [EndpointSummary("Your notification channel per category.")]
    public static ValueTask<IReadOnlyList<NotificationPreference>> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
