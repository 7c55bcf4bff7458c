using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Notifications;

public sealed record NotificationPreference(NotificationCategory Category, NotificationChannel Channel, NotificationChannel DefaultChannel);

/// <summary>The caller's channel for every category (e-mail and in-app, in-app only, or off), defaults included.</summary>
public static class GetNotificationPreferences
{
    public sealed record Query(Guid ActorId) : IQuery<IReadOnlyList<NotificationPreference>>;

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, IReadOnlyList<NotificationPreference>>
    {
        private const string Sql = "SELECT category, channel FROM notification_preferences WHERE user_id = @ActorId;";

        private sealed record Row(string Category, string Channel);

        public async ValueTask<IReadOnlyList<NotificationPreference>> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var chosen = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct))).ToDictionary(r => r.Category.ToEnum<NotificationCategory>(), r => r.Channel.ToEnum<NotificationChannel>());
            return Enum.GetValues<NotificationCategory>().Select(c => new NotificationPreference(c,
                chosen.TryGetValue(c, out var channel) ? channel : NotificationCategories.Default(c), NotificationCategories.Default(c))).ToList();
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/preferences", (Caller caller, ISender sender, CancellationToken ct) => sender.Send(new Query(caller.UserId), ct))
        .WithName(nameof(GetNotificationPreferences))
        .WithSummary("Your notification channel per category.")
        .ProducesProblems(401);
}

/// <summary>Sets the caller's channel for the given categories (the others keep theirs).</summary>
public static class SetNotificationPreferences
{
    public sealed record Change([property: JsonRequired] NotificationCategory Category, [property: JsonRequired] NotificationChannel Channel);

    public sealed record Request(IReadOnlyList<Change> Preferences);

    public sealed record Command(Guid ActorId, IReadOnlyList<Change> Preferences) : ICommand<IReadOnlyList<NotificationPreference>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Preferences).NotEmpty().WithMessage(_ => Messages.Get("required"))
                .Must(p => p is null || p.Count <= NotificationCategories.All.Length).WithMessage(_ => Messages.Get("one_per_category"))
                .Must(p => p is null || p.Select(x => x?.Category).Distinct().Count() == p.Count).WithMessage(_ => Messages.Get("one_per_category"));
            RuleForEach(c => c.Preferences).NotNull().WithMessage(_ => Messages.Get("required")).ChildRules(p =>
            {
                p.RuleFor(x => x.Category).IsInEnum().WithMessage(_ => Messages.Get("notification_category"));
                p.RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => Messages.Get("notification_channel"));
            });
        }
    }

    public sealed class Handler(NpgsqlDataSource db, ISender sender) : ICommandHandler<Command, IReadOnlyList<NotificationPreference>>
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
                await connection.ExecuteAsync(new CommandDefinition(Sql, new
                {
                    c.ActorId, Categories = c.Preferences.Select(p => p.Category.ToWire()).ToArray(), Channels = c.Preferences.Select(p => p.Channel.ToWire()).ToArray(),
                }, cancellationToken: ct));
            }
            return await sender.Send(new GetNotificationPreferences.Query(c.ActorId), ct);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/preferences", (Request body, Caller caller, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(caller.UserId, body.Preferences), ct))
        .WithName(nameof(SetNotificationPreferences))
        .WithSummary("Choose e-mail, in-app or off per notification category.")
        .ProducesProblems(400, 401);
}

/// <summary>
/// One-click unsubscribe (RFC 8058): the signed token from an e-mail turns that category's e-mails off for
/// its person (in-app notifications stay). Mail clients POST here with <c>List-Unsubscribe=One-Click</c>;
/// the web app's unsubscribe page POSTs the token from its URL fragment. Repeating it changes nothing.
/// </summary>
public static class Unsubscribe
{
    public sealed record Command(string? Token) : ICommand<Response>;

    public sealed record Response(NotificationCategory Category, NotificationChannel Channel);

    public sealed class Handler(NpgsqlDataSource db, UnsubscribeTokens tokens) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            INSERT INTO notification_preferences (user_id, category, channel)
            SELECT id, @Category, 'in_app' FROM users WHERE id = @UserId
            ON CONFLICT (user_id, category) DO UPDATE SET channel = CASE WHEN notification_preferences.channel = 'off' THEN 'off' ELSE 'in_app' END
            RETURNING channel;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            if (tokens.Read(c.Token) is not var (userId, category)) throw new Infrastructure.Errors.GoneException();
            await using var connection = await db.OpenConnectionAsync(ct);
            var channel = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, new { UserId = userId, Category = category }, cancellationToken: ct))
                ?? throw new Infrastructure.Errors.GoneException();
            return new Response(category.ToEnum<NotificationCategory>(), channel.ToEnum<NotificationChannel>());
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/unsubscribe", (string? token, ISender sender, CancellationToken ct) => sender.Send(new Command(token), ct))
        .WithName(nameof(Unsubscribe))
        .WithSummary("One-click unsubscribe from a category's e-mails with the token of an e-mail (RFC 8058).")
        .ProducesProblems(401, 410);
}
