using System.Data;
using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Moderation;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, IdeaNote>
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
            var inserted = await connection.QuerySingleAsync<Inserted>(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        c.IdeaId,
                        c.ActorId,
                        Body = body,
                        Mentions = mentions,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            var me = team.FirstOrDefault(p => p.Id == c.ActorId);
            await events.RecordAsync(
                tx,
                EventType.IdeaNoteAdded,
                Actor.User(c.ActorId),
                c.IdeaId,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                after: new { noteId = id, mentions },
                data: new
                {
                    ideaTitle = inserted.IdeaTitle,
                    authorName = me?.Name,
                    excerpt = RichText.Excerpt(body, 400),
                },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return new IdeaNote(id, me, body, team.Where(p => mentions.Contains(p.Id)).ToList(), inserted.CreatedAt.AsUtc());
        }
    }

    [EndpointSummary("Write an internal note on an idea, mentioning members of the project's team (the project's staff only).")]
    public static async Task<Created<IdeaNote>> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var note = await sender.Send(new Command(caller.UserId, id, body.Body, body.Mentions), ct);
        return TypedResults.Created($"/api/v1/ideas/{id}/notes", note);
    }
}
