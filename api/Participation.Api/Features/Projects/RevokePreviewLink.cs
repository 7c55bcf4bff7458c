using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

/// <summary>Ends the project's preview link, if it has one (see <see cref="CreatePreviewLink"/>).</summary>
public static class RevokePreviewLink
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "UPDATE projects SET preview_token_hash = NULL WHERE id = @Id AND preview_token_hash IS NOT NULL;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.Id }, tx, cancellationToken: ct)) == 1)
                await events.RecordAsync(
                    tx,
                    EventType.ProjectPreviewLinkRevoked,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Project(c.Id),
                    new { hasPreviewLink = true },
                    new { hasPreviewLink = false },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Revoke the preview link of a project (its staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
