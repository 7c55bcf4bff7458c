using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.IdeasManager;

/// <summary>
/// The project's staff make one of them responsible for answering an idea (its assignee), or nobody. The assignee must be
/// the project's staff too. The assignment is recorded (audited, <c>idea.assigned</c>) and the new assignee is notified
/// in-app (unless they assigned themselves).
/// </summary>
public static class AssignIdea
{
    /// <param name="AssigneeId">The staff member responsible for the answer; null or absent: nobody.</param>
    public sealed record Request(Guid? AssigneeId);

    public sealed record Command(Guid ActorId, Guid IdeaId, Guid? AssigneeId) : ICommand<Response>;

    public sealed record Response(Guid IdeaId, StaffMember? Assignee);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty).WithMessage(_ => Messages.Get("assignee_not_staff"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        // The assignee (@ActorId in the shared fragment) is staff of the idea's project p.
        private const string AssigneeSql = $"""
            SELECT u.id, u.first_name || ' ' || u.last_name AS name
              FROM users u, projects p
             WHERE u.id = @ActorId AND p.id = @ProjectId AND {ProjectStaff.IsStaffOf};
            """;

        private const string CurrentSql = """
            SELECT i.title, i.assignee_id, a.first_name || ' ' || a.last_name AS assignee_name,
                   (SELECT me.first_name || ' ' || me.last_name FROM users me WHERE me.id = @ActorId) AS actor_name
              FROM ideas i LEFT JOIN users a ON a.id = i.assignee_id
             WHERE i.id = @IdeaId;
            """;

        private const string Sql = "UPDATE ideas SET assignee_id = @AssigneeId, updated_at = now() WHERE id = @IdeaId;";

        private sealed record Current(string Title, Guid? AssigneeId, string? AssigneeName, string? ActorName);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct, forUpdate: true)).RequireStaff();
            var current = await connection.QuerySingleAsync<Current>(
                new CommandDefinition(CurrentSql, new { c.IdeaId, c.ActorId }, tx, cancellationToken: ct)
            );
            StaffMember? assignee = null;
            if (c.AssigneeId is { } assigneeId)
                assignee = await connection.QuerySingleOrDefaultAsync<StaffMember>(
                    new CommandDefinition(AssigneeSql, new { ActorId = assigneeId, idea.ProjectId }, tx, cancellationToken: ct)
                )
                    ?? throw new ValidationException([
                        new FluentValidation.Results.ValidationFailure("assigneeId", Messages.Get("assignee_not_staff")),
                    ]);
            // The same assignee again: nothing written, nothing recorded.
            if (current.AssigneeId == c.AssigneeId)
                return new Response(c.IdeaId, assignee);
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.IdeaId, c.AssigneeId }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.IdeaAssigned,
                Actor.User(c.ActorId),
                c.IdeaId,
                new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
                before: new { assigneeId = current.AssigneeId, assigneeName = current.AssigneeName },
                after: new { assigneeId = assignee?.Id, assigneeName = assignee?.Name },
                data: new
                {
                    projectId = idea.ProjectId,
                    ideaTitle = current.Title,
                    actorName = current.ActorName,
                },
                ct
            );
            await tx.CommitAsync(ct);
            return new Response(c.IdeaId, assignee);
        }
    }

    [EndpointSummary("Make a member of the project's staff responsible for answering the idea, or nobody (the project's staff).")]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.AssigneeId), ct);
}
