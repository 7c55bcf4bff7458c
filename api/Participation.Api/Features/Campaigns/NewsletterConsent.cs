using System.Data;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>A resident's newsletter consent: whether it is given now, when it was given and when last withdrawn.</summary>
public sealed record NewsletterConsent(bool Consented, DateTimeOffset? GivenAt, DateTimeOffset? WithdrawnAt);

/// <summary>Gives or withdraws a person's consent, recording the change as an event in the caller's transaction.</summary>
public static class NewsletterConsents
{
    private const string GiveSql = """
        INSERT INTO newsletter_consents (user_id, status, given_at) VALUES (@UserId, 'given', now())
        ON CONFLICT (user_id) DO UPDATE SET status = 'given', given_at = now() WHERE newsletter_consents.status = 'withdrawn'
        RETURNING user_id;
        """;

    private const string WithdrawSql = """
        UPDATE newsletter_consents SET status = 'withdrawn', withdrawn_at = now()
         WHERE user_id = @UserId AND status = 'given'
        RETURNING user_id;
        """;

    private const string ReadSql =
        "SELECT status = 'given' AS consented, given_at, withdrawn_at FROM newsletter_consents WHERE user_id = @UserId;";

    private sealed record Row(bool Consented, DateTime GivenAt, DateTime? WithdrawnAt);

    /// <summary>Sets the consent; returns whether it changed (an unchanged consent records nothing).</summary>
    public static async Task<bool> SetAsync(
        IDbTransaction tx,
        EventRecorder events,
        Guid userId,
        bool consented,
        string source,
        Actor actor,
        CancellationToken ct
    )
    {
        var connection = tx.Connection!;
        var changed = await connection.ExecuteScalarAsync<Guid?>(
            new CommandDefinition(consented ? GiveSql : WithdrawSql, new { UserId = userId }, tx, cancellationToken: ct)
        );
        if (changed is null)
            return false;
        await Consents.ConsentRecords.NewsletterAsync(tx, userId, consented, source, ct);
        await events.RecordAsync(
            tx,
            consented ? EventType.NewsletterConsentGiven : EventType.NewsletterConsentWithdrawn,
            actor,
            userId,
            Scope.Platform,
            after: new { newsletter = consented },
            data: new { source },
            ct: ct
        );
        return true;
    }

    public static async Task<NewsletterConsent> ReadAsync(IDbConnection connection, IDbTransaction? tx, Guid userId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(ReadSql, new { UserId = userId }, tx, cancellationToken: ct)
        );
        return row is null
            ? new NewsletterConsent(false, null, null)
            : new NewsletterConsent(row.Consented, row.GivenAt.AsUtc(), row.WithdrawnAt.AsUtc());
    }
}

/// <summary>The caller's own newsletter consent.</summary>
public static class GetNewsletterConsent
{
    public sealed record Query(Guid ActorId) : IQuery<NewsletterConsent>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, NewsletterConsent>
    {
        public async ValueTask<NewsletterConsent> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await NewsletterConsents.ReadAsync(connection, null, q.ActorId, ct);
        }
    }

    [EndpointSummary("Whether you receive the platform's newsletter (campaigns), since when.")]
    public static ValueTask<NewsletterConsent> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
