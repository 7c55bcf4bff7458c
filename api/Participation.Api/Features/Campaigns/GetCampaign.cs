namespace Participation.Api.Features.Campaigns;

/// <summary>One campaign with its delivery figures (communication managers and admins).</summary>
public static class GetCampaign
{
    public sealed record Query(Guid ActorId, Guid Id) : IQuery<Campaign>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Campaign>
    {
        public async ValueTask<Campaign> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, q.ActorId, ct);
            return await CampaignRows.ReadAsync(connection, null, q.Id, ct) ?? throw new NotFoundException();
        }
    }

    [EndpointSummary("A campaign with its delivery figures: queued, sent, failed (communication managers and admins).")]
    public static ValueTask<Campaign> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
