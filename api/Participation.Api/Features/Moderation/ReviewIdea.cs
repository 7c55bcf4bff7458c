using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Moderation;

/// <summary>
/// Pre-moderation: the project's staff approve an idea (it becomes public as "proposed") or reject it with a
/// reason (it stays private, "rejected", and the author reads the reason). The decision is in the idea's history
/// and is recorded (audited); the author is notified.
/// </summary>
public static class ReviewIdea
{
    public sealed record Request([property: JsonRequired] ReviewDecision Decision, string? Reason);

    public sealed record Command(Guid ActorId, Guid IdeaId, ReviewDecision Decision, string? Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).IsInEnum().WithMessage(_ => Messages.Get("one_of_approve_reject"));
            RuleFor(c => c.Reason).PlainText(1000);
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r))
                .When(c => c.Decision == ReviewDecision.Reject)
                .WithMessage(_ => Messages.Get("required"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH upd AS (
                UPDATE ideas SET status = @Status, updated_at = now(),
                       hidden_at = CASE WHEN @Reject THEN now() END, hidden_reason = CASE WHEN @Reject THEN @Reason END
                 WHERE id = @IdeaId RETURNING title),
            change AS (
                INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by)
                SELECT @IdeaId, 'prescreening', @Status, @Reason,
                       CASE WHEN @Reason::text IS NULL THEN NULL
                            ELSE (SELECT d.name ->> 'fr' FROM departments d WHERE d.id = @DepartmentId) END, @ActorId
                RETURNING id)
            SELECT change.id, upd.title FROM change, upd;
            """;

        private sealed record Done(long Id, string Title);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct, forUpdate: true)).RequireStaff();
            if (idea.Status != IdeaStatus.Prescreening || idea.Withdrawn)
                throw new ConflictException(Messages.Get("not_awaiting_prescreening"));
            var reject = c.Decision == ReviewDecision.Reject;
            var status = (reject ? IdeaStatus.Rejected : IdeaStatus.Proposed).ToWire();
            var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
            var done = await connection.QuerySingleAsync<Done>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.IdeaId,
                        Status = status,
                        Reject = reject,
                        Reason = reason,
                        c.ActorId,
                        idea.DepartmentId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                reject ? EventType.IdeaRejected : EventType.IdeaApproved,
                Actor.User(c.ActorId),
                c.IdeaId,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                before: new { status = IdeaStatus.Prescreening },
                after: new
                {
                    status,
                    changeId = done.Id,
                    ideaTitle = done.Title,
                },
                data: new { projectId = idea.ProjectId, reason },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Approve or reject (with a reason) an idea awaiting pre-moderation (the project's staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, body.Decision, body.Reason), ct);
        return TypedResults.NoContent();
    }
}
