using System.Data;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Moderation;

/// <summary>Staff-only notes on an idea, oldest first, and the people who can be mentioned in a new one.</summary>
public static class ListIdeaNotes
{
    public sealed record Query(Guid ActorId, Guid IdeaId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<IdeaNote> Items, IReadOnlyList<Person> Mentionable);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT n.id, n.author_id, a.first_name || ' ' || a.last_name AS author_name, n.body, n.mentions, n.created_at
              FROM idea_notes n LEFT JOIN users a ON a.id = n.author_id
             WHERE n.idea_id = @IdeaId
             ORDER BY n.created_at, n.id
             LIMIT 500;
            """;

        private sealed class Row
        {
            public Guid Id { get; init; }
            public Guid? AuthorId { get; init; }
            public string? AuthorName { get; init; }
            public string Body { get; init; } = "";
            public Guid[] Mentions { get; init; } = [];
            public DateTime CreatedAt { get; init; }
        }

        private const string NamesSql = "SELECT id, first_name || ' ' || last_name AS name FROM users WHERE id = ANY(@Ids);";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, q.ActorId, q.IdeaId, null, ct)).RequireStaff();
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { q.IdeaId }, cancellationToken: ct))).AsList();
            var mentioned = rows.SelectMany(r => r.Mentions).Distinct().ToArray();
            var names =
                mentioned.Length == 0
                    ? new Dictionary<Guid, string>()
                    : (
                        await connection.QueryAsync<Person>(new CommandDefinition(NamesSql, new { Ids = mentioned }, cancellationToken: ct))
                    ).ToDictionary(p => p.Id, p => p.Name);
            var team = await ProjectTeam.ListAsync(connection, idea, null, ct);
            return new Response(
                rows.Select(r => new IdeaNote(
                        r.Id,
                        r.AuthorId is { } a && r.AuthorName is not null ? new Person(a, r.AuthorName) : null,
                        r.Body,
                        r.Mentions.Where(names.ContainsKey).Select(m => new Person(m, names[m])).ToList(),
                        r.CreatedAt.AsUtc()
                    ))
                    .ToList(),
                team
            );
        }
    }

    [EndpointSummary("Internal notes on an idea and who can be mentioned (the project's staff only).")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
