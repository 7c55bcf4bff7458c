using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Support;

/// <summary>
/// Closes the support grants that simply reached their end, as a revocation does (<see cref="RevokeSupport"/>): the
/// city's support users lose the admin role they held for it (role versions bumped, so the city's staff lists no longer
/// show them as admins) and the end is recorded once (support.expired, by the platform). A pass per city, every minute;
/// the grants still to close are claimed under the city's support lock (the one granting and revoking take, so a grant
/// made meanwhile keeps its roles) with <c>FOR UPDATE SKIP LOCKED</c> and marked (<c>expired_at</c>) in the same
/// transaction: two instances never close a grant twice. The roles stay when another grant of the city is active.
/// </summary>
public sealed class SupportExpiry(CityDb db, EventRecorder events, RoleGrants roles, SupportGrantCheck check) : IPeriodicJob
{
    private const int Batch = 20;

    private const string Waiting = """
        SELECT EXISTS (SELECT 1 FROM support_grants WHERE revoked_at IS NULL AND expired_at IS NULL AND ends_at <= now());
        """;

    private const string Claim = """
        SELECT id, ends_at FROM support_grants
         WHERE revoked_at IS NULL AND expired_at IS NULL AND ends_at <= now()
         ORDER BY ends_at, id
         LIMIT @Batch
           FOR UPDATE SKIP LOCKED;
        """;

    private const string Mark = "UPDATE support_grants SET expired_at = now() WHERE id = ANY(@Ids);";

    private const string StillOpen = "SELECT EXISTS (SELECT 1 FROM support_grants WHERE revoked_at IS NULL AND ends_at > now());";

    private sealed record Ended(Guid Id, DateTime EndsAt);

    public string Name => "support grant expiry";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromMinutes(1);

    /// <summary>Closes up to <see cref="Batch"/> ended grants of the current city; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Waiting, cancellationToken: ct)))
            return 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SupportGrants.LockCity, transaction: tx, cancellationToken: ct));
        var ended = (await connection.QueryAsync<Ended>(new CommandDefinition(Claim, new { Batch }, tx, cancellationToken: ct))).AsList();
        if (ended.Count == 0)
            return 0;
        var ids = ended.Select(e => e.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(Mark, new { Ids = ids }, tx, cancellationToken: ct));
        foreach (var e in ended)
            await events.RecordAsync(
                tx,
                EventType.SupportExpired,
                Actor.System,
                e.Id,
                Scope.Platform,
                before: new { status = SupportGrantStatus.Active, endsAt = e.EndsAt.AsUtc() },
                after: new { status = SupportGrantStatus.Expired },
                ct: ct
            );
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(StillOpen, transaction: tx, cancellationToken: ct)))
            await SupportUsers.RevokeRolesAsync(connection, tx, roles, null, ct);
        await tx.CommitAsync(ct);
        foreach (var id in ids)
            check.Forget(id);
        return ended.Count;
    }
}
