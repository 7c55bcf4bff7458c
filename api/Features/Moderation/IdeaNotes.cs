using System.Data;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Npgsql;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Moderation;

public sealed record Person(Guid Id, string Name);

public sealed record IdeaNote(Guid Id, Person? Author, string Body, IReadOnlyList<Person> Mentions, DateTimeOffset CreatedAt);

/// <summary>The project's staff (moderators, heads of its department, admins): who can read notes and be mentioned.</summary>
internal static class ProjectTeam
{
    private const string Sql = """
        SELECT DISTINCT u.id, u.first_name || ' ' || u.last_name AS name
          FROM user_roles r JOIN users u ON u.id = r.user_id
         WHERE r.role = 'admin' OR (r.role = 'department_head' AND r.department_id = @DepartmentId)
            OR (r.role = 'project_moderator' AND r.project_id = @ProjectId)
         ORDER BY name;
        """;

    public static async Task<List<Person>> ListAsync(IDbConnection connection, IdeaAccess idea, IDbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<Person>(new CommandDefinition(Sql, new { idea.DepartmentId, idea.ProjectId }, tx, cancellationToken: ct))).AsList();
}

/// <summary>Staff-only notes on an idea, oldest first, and the people who can be mentioned in a new one.</summary>
public static class ListIdeaNotes
{
    public sealed record Query(Guid ActorId, Guid IdeaId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<IdeaNote> Items, IReadOnlyList<Person> Mentionable);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
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
            var names = mentioned.Length == 0 ? new Dictionary<Guid, string>()
                : (await connection.QueryAsync<Person>(new CommandDefinition(NamesSql, new { Ids = mentioned }, cancellationToken: ct))).ToDictionary(p => p.Id, p => p.Name);
            var team = await ProjectTeam.ListAsync(connection, idea, null, ct);
            return new Response(rows.Select(r => new IdeaNote(r.Id, r.AuthorId is { } a && r.AuthorName is not null ? new Person(a, r.AuthorName) : null, r.Body,
                r.Mentions.Where(names.ContainsKey).Select(m => new Person(m, names[m])).ToList(), r.CreatedAt.AsUtc())).ToList(), team);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/ideas/{id:guid}/notes", (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserId(), id), ct))
        .WithName(nameof(ListIdeaNotes))
        .WithSummary("Internal notes on an idea and who can be mentioned (the project's staff only).")
        .ProducesProblems(401, 403, 404);
}

/// <summary>
/// A staff member writes an internal note on an idea, mentioning colleagues of the project's team; the note is recorded
/// (not audited) and the colleagues mentioned are notified.
/// </summary>
public static class AddIdeaNote
{
    public sealed record Request(string Body, IReadOnlyList<Guid>? Mentions);

    public sealed record Command(Guid ActorId, Guid IdeaId, string Body, IReadOnlyList<Guid>? Mentions) : ICommand<IdeaNote>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => Messages.Get("required")).PlainText(5000);
            RuleFor(c => c.Mentions).Must(m => m is null || m.Count <= 20).WithMessage(_ => Messages.Get("at_most_20_mentions"));
        }
    }

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command, IdeaNote>
    {
        private const string InsertSql = """
            INSERT INTO idea_notes (id, idea_id, author_id, body, mentions) VALUES (@Id, @IdeaId, @ActorId, @Body, @Mentions)
            RETURNING created_at, (SELECT title FROM ideas WHERE id = @IdeaId) AS idea_title;
            """;

        private sealed record Inserted(DateTime CreatedAt, string IdeaTitle);

        public async ValueTask<IdeaNote> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireStaff();
            var team = await ProjectTeam.ListAsync(connection, idea, tx, ct);
            var mentions = (c.Mentions ?? []).Distinct().ToArray();
            if (mentions.Any(m => team.All(p => p.Id != m)))
                throw new ValidationException([new ValidationFailure("mentions", Messages.Get("mention_not_staff"))]);
            var id = Guid.CreateVersion7();
            var body = c.Body.Trim();
            var inserted = await connection.QuerySingleAsync<Inserted>(new CommandDefinition(InsertSql,
                new { Id = id, c.IdeaId, c.ActorId, Body = body, Mentions = mentions }, tx, cancellationToken: ct));
            var me = team.FirstOrDefault(p => p.Id == c.ActorId);
            await events.RecordAsync(tx, EventType.IdeaNoteAdded, Actor.User(c.ActorId), c.IdeaId,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                after: new { noteId = id, mentions },
                data: new { ideaTitle = inserted.IdeaTitle, authorName = me?.Name, excerpt = RichText.Excerpt(body, 400) }, ct: ct);
            await tx.CommitAsync(ct);
            return new IdeaNote(id, me, body, team.Where(p => mentions.Contains(p.Id)).ToList(), inserted.CreatedAt.AsUtc());
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/ideas/{id:guid}/notes", async (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var note = await sender.Send(new Command(user.UserId(), id, body.Body, body.Mentions), ct);
            return TypedResults.Created($"/api/v1/ideas/{id}/notes", note);
        })
        .WithName(nameof(AddIdeaNote))
        .WithSummary("Write an internal note on an idea, mentioning members of the project's team (the project's staff only).")
        .ProducesProblems(400, 401, 403, 404);
}
