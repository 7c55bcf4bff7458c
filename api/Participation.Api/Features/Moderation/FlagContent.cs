using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Moderation;

/// <summary>
/// A resident reports an idea or a comment (spam, inappropriate, or other with an explanation): one flag per
/// person per item (unique constraint). At the third open flag from distinct people the item is hidden
/// provisionally until a moderator decides; it then waits in the project's moderation queue.
/// </summary>
public static class FlagContent
{
    public const int HideThreshold = 3;

    public sealed record Request([property: JsonRequired] FlagReason Reason, string? Details);

    public sealed record Command(Guid ActorId, string Kind, Guid TargetId, FlagReason Reason, string? Details) : ICommand<Response>;

    /// <summary>Whether the item is now hidden (provisionally or not).</summary>
    public sealed record Response(bool Hidden);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).IsInEnum().WithMessage(_ => Messages.Get("flag_reason"));
            RuleFor(c => c.Details).PlainText(1000);
            RuleFor(c => c.Details)
                .Must(d => !string.IsNullOrWhiteSpace(d))
                .When(c => c.Reason == FlagReason.Other)
                .WithMessage(_ => Messages.Get("flag_details_required"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string InsertSql = """
            INSERT INTO content_flags (id, project_id, idea_id, comment_id, user_id, reason, details)
            VALUES (@Id, @ProjectId, @IdeaId, @CommentId, @ActorId, @Reason, @Details)
            ON CONFLICT ON CONSTRAINT content_flags_once DO NOTHING
            RETURNING id;
            """;

        private const string CountIdeaSql = "UPDATE ideas SET open_flags = open_flags + 1 WHERE id = @Id RETURNING open_flags;";
        private const string CountCommentSql = "UPDATE comments SET open_flags = open_flags + 1 WHERE id = @Id RETURNING open_flags;";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var target = await ModerationTarget.LoadAsync(connection, tx, c.ActorId, c.Kind, c.TargetId, ct);
            if (!target.Visible || (c.Kind == ModerationTarget.IdeaKind && !target.Idea.Listed))
                throw new ConflictException(Messages.Get("reason.not_permitted"));
            if (target.AuthorId == c.ActorId)
                throw new ConflictException(Messages.Get("reason.not_permitted"));
            var inserted = await connection.ExecuteScalarAsync<Guid?>(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = Guid.CreateVersion7(),
                        target.Idea.ProjectId,
                        target.IdeaId,
                        target.CommentId,
                        c.ActorId,
                        Reason = c.Reason.ToWire(),
                        Details = string.IsNullOrWhiteSpace(c.Details) ? null : c.Details.Trim(),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (inserted is null)
                throw new ConflictException(Messages.Get("already_flagged"));
            var open = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition(
                    c.Kind == ModerationTarget.IdeaKind ? CountIdeaSql : CountCommentSql,
                    new { Id = c.TargetId },
                    tx,
                    cancellationToken: ct
                )
            );
            var hide = open >= HideThreshold;
            if (hide)
                await target.SetHiddenAsync(connection, tx, hidden: true, reason: null, hiddenByFlags: true, resolveFlags: false, ct);
            // A second flag by the same person is refused above (409): one event. The explanation stays with the
            // moderators; the event says the item is now hidden when this flag hid it (provisionally, by the flags).
            var idea = target.Idea;
            await events.RecordAsync(
                tx,
                c.Kind == ModerationTarget.IdeaKind ? EventType.IdeaFlagged : EventType.CommentFlagged,
                Actor.User(c.ActorId),
                c.TargetId,
                new Scope(idea.ProjectId, idea.PhaseId),
                null,
                new { reason = c.Reason },
                new
                {
                    flagId = inserted,
                    ideaId = target.IdeaId,
                    openFlags = open,
                    hidden = hide,
                },
                ct
            );
            await tx.CommitAsync(ct);
            return new Response(hide);
        }
    }

    [EndpointSummary("Report an idea to the moderators (once per person).")]
    public static ValueTask<Response> FlagIdeaEndpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, ModerationTarget.IdeaKind, id, body.Reason, body.Details), ct);

    [EndpointSummary("Report a comment to the moderators (once per person).")]
    public static ValueTask<Response> FlagCommentEndpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, ModerationTarget.CommentKind, id, body.Reason, body.Details), ct);
}
