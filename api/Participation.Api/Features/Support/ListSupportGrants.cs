using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Support;

/// <summary>The city's support grants, newest first (the 100 latest): who opened each and why, its period, who closed it.</summary>
public static class ListSupportGrants
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    /// <param name="Active">The grant open now, if any.</param>
    /// <param name="Items">The history, newest first (the active grant included).</param>
    public sealed record Response(SupportGrant? Active, IReadOnlyList<SupportGrant> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = SupportGrants.Select + " ORDER BY g.starts_at DESC, g.id DESC LIMIT 100;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            var items = (await connection.QueryAsync<SupportGrants.Row>(new CommandDefinition(Sql, cancellationToken: ct)))
                .Select(r => r.ToGrant())
                .ToList();
            return new Response(items.FirstOrDefault(g => g.Status == SupportGrantStatus.Active), items);
        }
    }

    [EndpointSummary("The city's support grants (admins): the active one and the history.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
