namespace Participation.Api.Features.Topics;

/// <summary>
/// The topics projects and ideas are tagged from, in the admins' order (a city keeps tens, not thousands: one list).
/// Public: names and descriptions only. Archived topics stay on old content and are listed only when asked for.
/// </summary>
public static class ListTopics
{
    public sealed record Query(bool IncludeArchived) : IQuery<Response>;

    public sealed record Topic(
        Guid Id,
        IReadOnlyDictionary<string, string> Name,
        IReadOnlyDictionary<string, string> Description,
        int SortOrder,
        bool Archived,
        int Version
    );

    public sealed record Response(IReadOnlyList<Topic> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version
              FROM topics
             WHERE @IncludeArchived OR archived_at IS NULL
             ORDER BY sort_order, lower(name ->> 'fr'), id
             LIMIT 1000;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct));
            return new Response(rows.Select(r => r.ToTopic()).ToList());
        }
    }

    internal sealed record Row(Guid Id, string Name, string Description, int SortOrder, bool Archived, int Version)
    {
        public Topic ToTopic() => new(Id, LocalizedText.FromJson(Name), LocalizedText.FromJson(Description), SortOrder, Archived, Version);
    }

    [EndpointSummary("The topics projects and ideas are tagged from, in order (archived ones only when asked for).")]
    public static ValueTask<Response> Endpoint(bool? includeArchived, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(includeArchived ?? false), ct);
}
