using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// The project's staff move an idea through its statuses and/or answer it with official feedback, signed by
/// a service (the project's department by default, never the employee). The history keeps every step; the change
/// is recorded (audited), and the author, the idea's followers and the residents who reacted to it are notified.
/// An API client with the ideas:feedback scope (the city's case-management system) may do the same on public ideas; it
/// is recorded as that client.
/// </summary>
public static class ChangeIdeaStatus
{
    public sealed record Request(IdeaStatus? Status, string? Feedback, string? SignedAs);

    public sealed record Command(Actor Actor, Guid IdeaId, IdeaStatus? Status, string? Feedback, string? SignedAs) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status)
                .Must(s => s is null || IdeaStatuses.Public.Contains(s.Value))
                .WithMessage(_ => Messages.Get("idea_status"));
            RuleFor(c => c.Feedback).PlainText(5000);
            RuleFor(c => c.SignedAs).PlainText(160).Must(s => s is null || !s.Contains('\n')).WithMessage(_ => Messages.Get("single_line"));
            RuleFor(c => c.Status)
                .Must((c, s) => s is not null || !string.IsNullOrWhiteSpace(c.Feedback))
                .WithMessage(_ => Messages.Get("nothing_to_change"));
        }
    }

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH prev AS (SELECT status FROM ideas WHERE id = @IdeaId),
            upd AS (UPDATE ideas SET status = @Status, updated_at = now() WHERE id = @IdeaId RETURNING title, project_id),
            change AS (
                INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, changed_by_client)
                SELECT @IdeaId, prev.status, @Status, @Feedback,
                       CASE WHEN @Feedback::text IS NULL THEN NULL
                            ELSE coalesce(@SignedAs,
                                          (SELECT d.name ->> 'fr' FROM projects p JOIN departments d ON d.id = p.department_id
                                            WHERE p.id = @ProjectId)) END,
                       @UserId, @ClientId
                  FROM prev
                RETURNING id, from_status, signed_as)
            SELECT change.id, change.from_status, change.signed_as, upd.title FROM change, upd;
            """;

        private sealed record Changed(long Id, string FromStatus, string? SignedAs, string Title);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var user = c.Actor.Type == ActorType.User ? c.Actor.Id : null;
            var idea = await IdeaAccess.LoadAsync(connection, user, c.IdeaId, tx, ct, forUpdate: true);
            if (c.Actor.Type != ActorType.Client)
                idea.RequireStaff();
            if (idea.Status == IdeaStatus.Prescreening)
                throw new ConflictException(Messages.Get("awaiting_prescreening"));
            if (idea.Withdrawn)
                throw new ConflictException(Messages.Get("idea_withdrawn"));
            var status = c.Status ?? idea.Status;
            var feedback = string.IsNullOrWhiteSpace(c.Feedback) ? null : c.Feedback.Trim();
            if (status == idea.Status && feedback is null)
                throw new ConflictException(Messages.Get("nothing_to_change"), "status");
            var changed = await connection.QuerySingleAsync<Changed>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.IdeaId,
                        Status = status.ToWire(),
                        Feedback = feedback,
                        SignedAs = string.IsNullOrWhiteSpace(c.SignedAs) ? null : c.SignedAs.Trim(),
                        UserId = user,
                        ClientId = c.Actor.Type == ActorType.Client ? c.Actor.Id : null,
                        idea.ProjectId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );

            await events.RecordAsync(
                tx,
                EventType.IdeaStatusChanged,
                c.Actor,
                c.IdeaId,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                before: new { status = changed.FromStatus },
                after: new
                {
                    status,
                    feedback,
                    signedAs = changed.SignedAs,
                    changeId = changed.Id,
                    ideaTitle = changed.Title,
                },
                data: new
                {
                    projectId = idea.ProjectId,
                    @from = changed.FromStatus,
                    to = status,
                    feedback = feedback is not null,
                },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary(
        "Change an idea's status and/or give official feedback signed by a service (the project's staff; API clients with "
            + "ideas:feedback)."
    )]
    public static async Task<Ok<GetIdea.Response>> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(Actor.Of(caller), id, body.Status, body.Feedback, body.SignedAs), ct);
        return TypedResults.Ok(await sender.Send(new GetIdea.Query(caller.UserIdOrNull, id), ct));
    }
}
