using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Ideas;

/// <summary>The author withdraws their idea: it leaves the lists; its author and the staff still see it.</summary>
public static class WithdrawIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "UPDATE ideas SET withdrawn_at = now(), updated_at = now() WHERE id = @IdeaId;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // A withdrawn idea is refused (409) by the rules: withdrawing twice records one event.
            var (idea, _) = await AuthorRules.RequireAuthorChangeAsync(
                connection,
                tx,
                c.ActorId,
                c.IdeaId,
                ParticipationAction.Withdraw,
                ct
            );
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.IdeaId }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.IdeaWithdrawn,
                Actor.User(c.ActorId),
                c.IdeaId,
                new Scope(idea.ProjectId, idea.PhaseId),
                new { withdrawn = false },
                new { withdrawn = true },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Withdraw your idea (same rules as editing).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
