using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

/// <summary>Its staff move a project between draft, published and archived (any direction).</summary>
public static class ChangeProjectStatus
{
    public sealed record Request([property: JsonRequired] ProjectStatus Status);

    public sealed record Command(Guid ActorId, Guid Id, ProjectStatus Status) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Status).IsInEnum().WithMessage(_ => Messages.Get("one_of_project_statuses"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH previous AS (SELECT status FROM projects WHERE id = @Id FOR UPDATE)
            UPDATE projects p SET status = @Status, updated_at = now(),
                   published_at = CASE WHEN @Status <> 'draft' THEN coalesce(p.published_at, now()) ELSE p.published_at END
              FROM previous WHERE p.id = @Id AND previous.status <> @Status
            RETURNING previous.status;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var status = c.Status.ToWire();
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (
                await connection.QuerySingleOrDefaultAsync<string?>(
                    new CommandDefinition(Sql, new { c.Id, Status = status }, tx, cancellationToken: ct)
                ) is
                { } previous
            )
                await events.RecordAsync(
                    tx,
                    EventType.ProjectStatusChanged,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Project(c.Id),
                    new { status = previous },
                    new { status },
                    new { before = previous, after = status },
                    ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Publish, archive or put a project back to draft (its staff).")]
    public static async Task<GetProject.Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        await sender.Send(new Command(actor, id, body.Status), ct);
        return await sender.Send(new GetProject.Query(actor, id, null), ct);
    }
}
