using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Comments;

/// <summary>
/// Comment on a public idea, or reply to one of its top-level comments, as yourself or a verified
/// organisation you belong to, when the current phase lets you comment. The idea's (and the parent's)
/// counters move in the same transaction; the comment is recorded (not audited), and the idea's author and the
/// parent's author are notified.
/// </summary>
public static class PostComment
{
    public sealed record Request(string Body, Guid? ParentId, Guid? OrganisationId);

    public sealed record Command(Guid ActorId, Guid IdeaId, string Body, Guid? ParentId, Guid? OrganisationId) : ICommand<CommentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => (string?)c.Body).CommentBody().OverridePropertyName("body");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CommentView>
    {
        private const string ParentSql = """
            SELECT EXISTS (SELECT 1 FROM comments
                            WHERE id = @ParentId AND idea_id = @IdeaId AND parent_id IS NULL AND deleted_at IS NULL AND hidden_at IS NULL);
            """;

        private const string OrganisationSql = """
            SELECT EXISTS (SELECT 1 FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
                            WHERE m.organisation_id = @OrganisationId AND m.user_id = @ActorId AND o.status = 'verified');
            """;

        private const string InsertSql = $"""
            WITH c AS (
                INSERT INTO comments (id, idea_id, parent_id, author_id, organisation_id, body)
                VALUES (@Id, @IdeaId, @ParentId, @ActorId, @OrganisationId, @Body)
                RETURNING *),
            idea AS (UPDATE ideas SET comments_count = comments_count + 1 WHERE id = @IdeaId),
            parent AS (UPDATE comments SET replies_count = replies_count + 1 WHERE id = @ParentId)
            SELECT {CommentRows.Columns}
              FROM c {CommentRows.Joins};
            """;

        public async ValueTask<CommentView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireListed();
            await ActionPolicy.RequireAsync(connection, c.ActorId, idea.ProjectId, ParticipationAction.Comment, tx, ct);
            if (
                c.ParentId is { } parent
                && !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(ParentSql, new { ParentId = parent, c.IdeaId }, tx, cancellationToken: ct)
                )
            )
                throw new ValidationException([new ValidationFailure("parentId", Messages.Get("reply_depth"))]);
            if (
                c.OrganisationId is { } org
                && !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(OrganisationSql, new { OrganisationId = org, c.ActorId }, tx, cancellationToken: ct)
                )
            )
                throw new ValidationException([new ValidationFailure("organisationId", Messages.Get("not_organisation_member"))]);

            var id = Guid.CreateVersion7();
            var row = await connection.QuerySingleAsync<CommentRows.Row>(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        c.IdeaId,
                        c.ParentId,
                        c.ActorId,
                        c.OrganisationId,
                        Body = c.Body.Trim(),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            var title = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("SELECT title FROM ideas WHERE id = @IdeaId", new { c.IdeaId }, tx, cancellationToken: ct)
            );
            var author = AuthorView.From(row.AuthorUserId, row.AuthorPerson, row.AuthorOrgId, row.AuthorOrg, row.AuthorAvatar);
            await events.RecordAsync(
                tx,
                EventType.CommentPosted,
                Actor.User(c.ActorId),
                id,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                after: new
                {
                    ideaId = c.IdeaId,
                    parentId = c.ParentId,
                    organisationId = c.OrganisationId,
                },
                data: new
                {
                    ideaTitle = title,
                    authorKind = author?.Kind,
                    authorName = author?.Name,
                    excerpt = RichText.Excerpt(row.Body, 400),
                },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return CommentRows.View(row, c.ActorId, idea.Staff);
        }
    }

    [EndpointSummary("Comment on an idea, or reply to a top-level comment (as yourself or a verified organisation you belong to).")]
    public static async Task<Created<CommentView>> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var comment = await sender.Send(new Command(caller.UserId, id, body.Body, body.ParentId, body.OrganisationId), ct);
        return TypedResults.Created($"/api/v1/comments/{comment.Id}", comment);
    }
}
