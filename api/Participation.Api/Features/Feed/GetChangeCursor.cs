namespace Participation.Api.Features.Feed;

/// <summary>
/// The feed's present position, to start following after a full copy: every change committed before this call is in
/// what the lists show now, and every later one comes after this cursor.
/// </summary>
public static class GetChangeCursor
{
    public sealed record Query(Caller Caller) : IQuery<Response>;

    /// <param name="Cursor">Follow the change feed from here (GET /changes?after=).</param>
    public sealed record Response(string Cursor);

    // On the primary: the cursor promises every later change comes after it (see ListChanges on the standby question).
    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        // Every transaction below the snapshot's xmin has ended; everything to come has a larger id. (xmin - 1, max) is
        // before all of those and after all events already visible.
        private const string Sql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ChangeAccess.KindsAsync(connection, q.Caller, ct);
            var horizon = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(ChangeFeed.CursorOf(new Events.EventCheckpoint(horizon, long.MaxValue)));
        }
    }

    [EndpointSummary("The change feed's present cursor: copy the lists, then follow the feed from it.")]
    public static async ValueTask<Response> Endpoint(
        Caller caller,
        ISender sender,
        HttpContext context,
        NpgsqlDataSource primary,
        ReplicaRouter replicas,
        CancellationToken ct
    )
    {
        var response = await sender.Send(new Query(caller), ct);
        // The recipe copies the lists after taking the cursor: they must not come from a standby older than the cursor, or
        // the changes in between would be in neither. The caller reads after the primary's present position (read-your-writes).
        await ReadAfter.MarkAsync(context, primary, replicas);
        return response;
    }
}
