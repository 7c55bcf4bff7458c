using Participation.Api.Features.Events;

namespace Participation.Api.Features.Moderation;

/// <summary>
/// The project's staff decide on an idea or a comment: hide it with a reason (its author is notified with the
/// reason) or keep/show it (a provisional hide is lifted and the flags dismissed). Either way the open flags
/// are resolved and the decision is recorded (audited).
/// </summary>
public static class HideContent
{
    public sealed record Request(string? Reason);

    public sealed record Command(Guid ActorId, string Kind, Guid TargetId, bool Hide, string? Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).PlainText(1000);
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Hide).WithMessage(_ => Messages.Get("required"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string StateSql = """
            SELECT (SELECT count(*)::int FROM content_flags
                     WHERE idea_id = @IdeaId AND comment_id IS NOT DISTINCT FROM @CommentId AND resolved_at IS NULL) AS open_flags,
                   (SELECT title FROM ideas WHERE id = @IdeaId) AS idea_title;
            """;

        private sealed record State(int OpenFlags, string IdeaTitle);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var target = await ModerationTarget.LoadAsync(connection, tx, c.ActorId, c.Kind, c.TargetId, ct);
            target.Idea.RequireStaff();
            var (openFlags, ideaTitle) = await connection.QuerySingleAsync<State>(
                new CommandDefinition(StateSql, new { target.IdeaId, target.CommentId }, tx, cancellationToken: ct)
            );
            if (!c.Hide && !target.Hidden && openFlags == 0)
                throw new ConflictException(Messages.Get("not_hidden"));
            var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
            await target.SetHiddenAsync(connection, tx, c.Hide, c.Hide ? reason : null, hiddenByFlags: false, resolveFlags: true, ct);
            var type = (c.Kind == ModerationTarget.IdeaKind, c.Hide) switch
            {
                (true, true) => EventType.IdeaHidden,
                (true, false) => EventType.IdeaKept,
                (false, true) => EventType.CommentHidden,
                (false, false) => EventType.CommentKept,
            };
            await events.RecordAsync(
                tx,
                type,
                Actor.User(c.ActorId),
                c.TargetId,
                new Scope(target.Idea.ProjectId, DepartmentId: target.Idea.DepartmentId),
                before: new { hidden = target.Hidden },
                after: new { hidden = c.Hide, ideaTitle },
                data: new
                {
                    projectId = target.Idea.ProjectId,
                    ideaId = target.IdeaId,
                    reason,
                    openFlags,
                },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Hide an idea with a reason; its author is told why (the project's staff).")]
    public static Task<NoContent> HideIdeaEndpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        Decide(ModerationTarget.IdeaKind, true, id, body, caller, sender, ct);

    [EndpointSummary("Show a hidden idea again, or dismiss its flags (the project's staff).")]
    public static Task<NoContent> UnhideIdeaEndpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        Decide(ModerationTarget.IdeaKind, false, id, body, caller, sender, ct);

    [EndpointSummary("Hide a comment with a reason; its author is told why (the project's staff).")]
    public static Task<NoContent> HideCommentEndpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        Decide(ModerationTarget.CommentKind, true, id, body, caller, sender, ct);

    [EndpointSummary("Show a hidden comment again, or dismiss its flags (the project's staff).")]
    public static Task<NoContent> UnhideCommentEndpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        Decide(ModerationTarget.CommentKind, false, id, body, caller, sender, ct);

    /// <summary>The four endpoints differ only in the kind of content and the decision.</summary>
    private static async Task<NoContent> Decide(
        string kind,
        bool hide,
        Guid id,
        Request? body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        await sender.Send(new Command(caller.UserId, kind, id, hide, body?.Reason), ct);
        return TypedResults.NoContent();
    }
}
