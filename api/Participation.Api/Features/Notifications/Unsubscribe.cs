namespace Participation.Api.Features.Notifications;

/// <summary>
/// One-click unsubscribe (RFC 8058): the signed token from an e-mail turns that category's e-mails off for
/// its person (in-app notifications stay). Mail clients POST here with <c>List-Unsubscribe=One-Click</c>;
/// the web app's unsubscribe page POSTs the token from its URL fragment. Repeating it changes nothing.
/// </summary>
public static class Unsubscribe
{
    public sealed record Command(string? Token) : ICommand<Response>;

    public sealed record Response(NotificationCategory Category, NotificationChannel Channel);

    public sealed class Handler(CityDb db, UnsubscribeTokens tokens) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            INSERT INTO notification_preferences (user_id, category, channel)
            SELECT id, @Category, 'in_app' FROM users WHERE id = @UserId
            ON CONFLICT (user_id, category) DO UPDATE SET channel = CASE WHEN notification_preferences.channel = 'off' THEN 'off'
                   ELSE 'in_app' END
            RETURNING channel;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            if (tokens.Read(c.Token) is not var (userId, category))
                throw new Infrastructure.Errors.GoneException();
            await using var connection = await db.OpenConnectionAsync(ct);
            var channel = await connection.ExecuteScalarAsync<string?>(
                new CommandDefinition(Sql, new { UserId = userId, Category = category }, cancellationToken: ct)
            ) ?? throw new Infrastructure.Errors.GoneException();
            return new Response(category.ToEnum<NotificationCategory>(), channel.ToEnum<NotificationChannel>());
        }
    }

    [EndpointSummary("One-click unsubscribe from a category's e-mails with the token of an e-mail (RFC 8058).")]
    public static ValueTask<Response> Endpoint(string? token, ISender sender, CancellationToken ct) => sender.Send(new Command(token), ct);
}
