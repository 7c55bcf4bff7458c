using System.Data;
using System.Text.Json.Serialization;
using FluentValidation.Results;
using Participation.Api.Features.ApiClients;
using Participation.Api.Features.Events;
using Participation.Api.Features.Feed;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// How webhooks are delivered (section "Webhooks"; the SSRF settings of the same section are in <see cref="OutboundOptions"/>).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The waits before each retry, in seconds (Standard Webhooks' example schedule): after the first attempt fails, 5 s,
    /// then 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; a delivery still failing then is given up (8 attempts over ~28 hours).
    /// </summary>
    public int[]? RetryScheduleSeconds { get; set; }

    /// <summary>The schedule in force (configuration binds arrays by appending to a default, so the default lives here).</summary>
    public int[] Schedule => RetryScheduleSeconds is { Length: > 0 } configured ? configured : [5, 300, 1800, 7200, 18000, 36000, 36000];

    /// <summary>How long a receiver may take to answer (connection included).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>A payload above this size is sent without the resource's representation (the receiver fetches it).</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>A subscription is disabled after this many failed attempts in a row...</summary>
    public int DisableAfterFailures { get; set; } = 20;

    /// <summary>...spanning at least this long (so one bad minute never disables it).</summary>
    public int DisableAfterFailingMinutes { get; set; } = 24 * 60;

    /// <summary>After a rotation, how long the previous secret keeps signing beside the new one.</summary>
    public int PreviousSecretHours { get; set; } = 24;

    public int MaxSubscriptionsPerClient { get; set; } = 20;
    public int PollSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 50;
    public int Parallelism { get; set; } = 8;

    /// <summary>Finished deliveries (and their attempts) are kept this long in the delivery log.</summary>
    public int RetentionDays { get; set; } = 30;
}

/// <summary>Why a subscription is disabled.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum WebhookDisabledReason
{
    /// <summary>Its deliveries kept failing (see the delivery log); the IT managers were e-mailed.</summary>
    Failing,

    /// <summary>The receiver answered 410 Gone: it wants no more deliveries.</summary>
    Gone,

    /// <summary>Turned off by the client or a manager.</summary>
    Manual,
}

/// <summary>A subscription as its managers see it (never its secret).</summary>
/// <param name="EventTypes">The event types delivered (wire names of the change feed's types).</param>
/// <param name="ConsecutiveFailures">Failed attempts in a row, any delivery; back to 0 on a success.</param>
public sealed record Webhook(
    Guid Id,
    Guid ClientId,
    string ClientName,
    string Url,
    IReadOnlyList<EventType> EventTypes,
    string Description,
    bool Enabled,
    DateTimeOffset? DisabledAt,
    WebhookDisabledReason? DisabledReason,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

/// <summary>A subscription with its signing secret: in the answers to its creation and to a rotation only.</summary>
/// <param name="Secret">The signing secret ("whsec_" + base64): verify the webhook-signature header with it. Shown once.</param>
public sealed record WebhookWithSecret(Webhook Webhook, string Secret);

/// <summary>Who manages which subscriptions, and the checks shared by creation and edits.</summary>
public static class WebhookRules
{
    public const int UrlMax = 2000;
    public const int DescriptionMax = 1000;
    public const string SecretPrefix = "whsec_";

    /// <summary>The event types a subscription may name: the change feed's, with the scope each needs.</summary>
    public static readonly IReadOnlyDictionary<EventType, ClientScope> Subscribable = ChangeFeed.Types.ToDictionary(
        t => t,
        t =>
            ChangeFeed.ScopeOf(
                ChangeFeed
                    .Targets(
                        new RecordedEvent(
                            0,
                            default,
                            t,
                            Actor.System,
                            EventCatalogue.Of(t).Subject,
                            Guid.Empty.ToString(),
                            new Scope(Guid.Empty),
                            null,
                            null,
                            System.Text.Json.JsonDocument.Parse("{}").RootElement
                        )
                    )
                    .First()
                    .Kind
            )
    );

    /// <summary>A new secret: 32 random bytes, base64, after the Standard Webhooks prefix.</summary>
    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The client whose subscriptions the caller manages: an API client its own (webhooks:manage, checked by the scope
    /// gate); admins and the IT manager any client's (null); anybody else 403.
    /// </summary>
    public static async Task<Guid?> OwnerAsync(IDbConnection connection, Caller caller, IDbTransaction? tx, CancellationToken ct)
    {
        if (caller.ClientIdOrNull is { } client)
            return client;
        await ApiClientRules.EnsureManagerAsync(connection, caller.UserId, tx, ct);
        return null;
    }

    public static IRuleBuilderOptions<T, string> WebhookUrl<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(u => u is { Length: > 0 and <= UrlMax } && Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            .WithMessage(_ => Messages.Get("webhook_url"));

    public static IRuleBuilderOptions<T, IReadOnlyList<EventType>?> WebhookEventTypes<T>(
        this IRuleBuilder<T, IReadOnlyList<EventType>?> rule
    ) =>
        rule.Must(t => t is { Count: > 0 and <= 100 } && t.All(Subscribable.ContainsKey))
            .WithMessage(_ => Messages.Get("webhook_event_types", string.Join(", ", Subscribable.Keys.Select(k => k.ToWire()))));

    /// <summary>
    /// The URL as stored, after the checks that need configuration or DNS: https (unless allowed otherwise), no
    /// credentials in it, and a host whose every address is public (or in an allowed network). A 400 on "url" otherwise.
    /// </summary>
    public static async Task<string> CheckUrlAsync(string url, OutboundHttp outbound, OutboundOptions options, CancellationToken ct)
    {
        var uri = new Uri(url.Trim(), UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowInsecureHttp && uri.Scheme == Uri.UriSchemeHttp))
            throw Invalid("url", Messages.Get("webhook_url_https"));
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            throw Invalid("url", Messages.Get("webhook_url"));
        try
        {
            await outbound.ResolveStrictAsync(uri.IdnHost, ct);
        }
        catch (OutboundRefusedException)
        {
            throw Invalid("url", Messages.Get("webhook_url_private"));
        }
        catch (System.Net.Sockets.SocketException)
        {
            throw Invalid("url", Messages.Get("webhook_url_unresolved"));
        }
        return uri.AbsoluteUri;
    }

    /// <summary>The event types, each once, in the catalogue's order; a 400 when the client's scopes do not cover one.</summary>
    public static string[] CheckEventTypes(IReadOnlyList<EventType> types, IReadOnlyCollection<string> clientScopes)
    {
        var missing = types.Where(t => !clientScopes.Contains(Subscribable[t].ToWire())).Distinct().ToList();
        if (missing.Count > 0)
            throw Invalid(
                "eventTypes",
                Messages.Get(
                    "webhook_event_types_scope",
                    string.Join(", ", missing.Select(m => $"{m.ToWire()} ({Subscribable[m].ToWire()})"))
                )
            );
        return types.Distinct().Order().Select(t => t.ToWire()).ToArray();
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>Reads subscriptions with their client's name.</summary>
public static class WebhookReader
{
    public const string Columns = """
        s.id, s.client_id, c.name AS client_name, s.url, s.event_types, s.description, s.enabled, s.disabled_at, s.disabled_reason,
        s.consecutive_failures, s.created_at, s.updated_at
        """;

    private const string Sql = $"""
        SELECT {Columns}
          FROM webhook_subscriptions s JOIN api_clients c ON c.id = s.client_id
         WHERE (@Id::uuid IS NULL OR s.id = @Id) AND (@ClientId::uuid IS NULL OR s.client_id = @ClientId)
         ORDER BY lower(c.name), s.created_at, s.id
         LIMIT 500;
        """;

    // A class with setters: Dapper cannot bind a text[] column to a record's constructor parameter.
    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ClientId { get; init; }
        public string ClientName { get; init; } = "";
        public string Url { get; init; } = "";
        public string[] EventTypes { get; init; } = [];
        public string Description { get; init; } = "";
        public bool Enabled { get; init; }
        public DateTime? DisabledAt { get; init; }
        public string? DisabledReason { get; init; }
        public int ConsecutiveFailures { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public Webhook ToWebhook() =>
            new(
                Id,
                ClientId,
                ClientName,
                Url,
                EventTypes.Select(t => t.ToEnum<EventType>()).ToList(),
                Description,
                Enabled,
                DisabledAt?.AsUtc(),
                DisabledReason?.ToEnum<WebhookDisabledReason>(),
                ConsecutiveFailures,
                CreatedAt.AsUtc(),
                UpdatedAt.AsUtc()
            );
    }

    /// <summary>
    /// The subscriptions (of one client when given; 500 at most: a client has 20 at most), or the one with <paramref name="id"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Webhook>> ReadAsync(
        IDbConnection connection,
        Guid? id,
        Guid? clientId,
        IDbTransaction? tx,
        CancellationToken ct
    ) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { Id = id, ClientId = clientId }, tx, cancellationToken: ct)))
            .Select(r => r.ToWebhook())
            .ToList();

    /// <summary>The subscription, when the caller's client owns it (any for managers: <paramref name="owner"/> null); else 404.</summary>
    public static async Task<Webhook> ReadOneAsync(
        IDbConnection connection,
        Guid id,
        Guid? owner,
        IDbTransaction? tx,
        CancellationToken ct
    ) => (await ReadAsync(connection, id, owner, tx, ct)).SingleOrDefault() ?? throw new NotFoundException();
}
