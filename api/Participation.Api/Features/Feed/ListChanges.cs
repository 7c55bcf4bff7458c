using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Feed;

/// <summary>
/// The change feed: what changed in the public content since a cursor, in the order it committed, each entry with the
/// resource as it is now or its tombstone. Served from the events (the one record of what happened), read only below
/// the oldest transaction still running, so an entry committed late is never skipped; the cursor is exact. A client
/// sees the kinds its scopes allow (projects:read: projects and events; ideas:read: ideas and comments); admins and the IT manager
/// see all. Recipe: take GET /changes/cursor, copy the lists, then follow from that cursor until hasMore is false.
/// </summary>
public static class ListChanges
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public sealed record Query(Caller Caller, string? After, IReadOnlyList<ChangeKind>? Types, int? Limit) : IQuery<Response>;

    /// <param name="Items">The changes, oldest first (several entries for one resource carry the same current state).</param>
    /// <param name="NextCursor">Where to resume: the position after the last event read, entry or not.</param>
    /// <param name="HasMore">More events are already readable: ask again at once; otherwise poll later (or use webhooks).</param>
    public sealed record Response(IReadOnlyList<ChangeEntry> Items, string NextCursor, bool HasMore);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).Must(l => l is null or >= 1 and <= MaxLimit).WithMessage(_ => Messages.Get("change_feed_limit"));
            RuleFor(q => q.Types)
                .Must(t => t is null || (t.Count <= 10 && t.All(Enum.IsDefined)))
                .WithMessage(_ => Messages.Get("change_feed_types"));
        }
    }

    // The feed's pages stay on the primary, never on a read replica. A page is read below its server's snapshot xmin, and
    // a standby's horizon (built from the WAL it replayed, with transactions it cannot yet know to have ended) trails
    // the primary's: a cursor handed out by the primary or a fresher standby, then a page from a staler standby, would
    // answer "nothing more" (hasMore false) while changes wait, or move a follower's position backwards. The feed is read
    // by a few integrators along one index; its exactness is worth more than the load it would move.
    public sealed class Handler(CityDb db, CityAddresses addresses) : IQueryHandler<Query, Response>
    {
        private static readonly string[] FeedTypes = ChangeFeed.Types.Select(t => t.ToWire()).ToArray();

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = ChangeFeed.Decode(q.After) ?? EventCheckpoint.Start;
            var limit = q.Limit ?? DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var kinds = await ChangeAccess.KindsAsync(connection, q.Caller, ct);
            if (q.Types is { Count: > 0 } wanted)
                kinds = kinds.Intersect(wanted).ToHashSet();
            // One snapshot for the events and the state they point to (the state may be newer than an event: entries carry
            // the current representation, and the later events come in later pages).
            await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var (events, next) = await EventReader.ReadAsync(connection, after, limit + 1, FeedTypes, tx, ct);
            var hasMore = events.Count > limit;
            if (hasMore)
            {
                events = events.Take(limit).ToList();
                next = new EventCheckpoint(EventReader.TxIdOf(events[^1]), events[^1].Position);
            }
            var targets = events.SelectMany(e => ChangeFeed.Targets(e).Where(t => kinds.Contains(t.Kind)).Select(t => (e, t))).ToList();
            var snapshot = await ChangeFeed.ReadAsync(connection, targets.Select(x => x.t).ToList(), addresses.Current.AppBaseUrl, tx, ct);
            await tx.CommitAsync(ct);
            var items = targets
                .Select(x => snapshot.Entry(x.e, new EventCheckpoint(EventReader.TxIdOf(x.e), x.e.Position), x.t.Kind, x.t.Id))
                .ToList();
            return new Response(items, ChangeFeed.CursorOf(next), hasMore);
        }
    }

    /// <summary>The query string: the cursor, the kinds wanted (comma-separated) and the page size (described in the contract).</summary>
    public sealed record QueryString(string? After, string? Types, int? Limit);

    [EndpointSummary("What changed in the public content since a cursor, oldest first, with each resource as it is now or its tombstone.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(
            new Query(
                caller,
                q.After,
                q.Types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(t => WireEnum.FromQuery<ChangeKind>(t)!.Value)
                    .ToList(),
                q.Limit
            ),
            ct
        );
}
