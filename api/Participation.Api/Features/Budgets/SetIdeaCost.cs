using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Budgets;

/// <summary>
/// The project's staff set (or clear) what an idea would cost in a participatory budget. Once the idea is in
/// somebody's basket its cost is locked, so no basket's total can silently change. Audited.
/// </summary>
public static class SetIdeaCost
{
    public sealed record Request(decimal? Cost);

    public sealed record Command(Guid ActorId, Guid IdeaId, decimal? Cost) : ICommand<Response>;

    public sealed record Response(Guid IdeaId, decimal? Cost);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Cost)
                .Must(v => v is null || (v >= 0 && v <= 1_000_000_000 && decimal.Round(v.Value, 2) == v.Value))
                .WithMessage(_ => Messages.Get("cost_invalid"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        // The idea is locked by IdeaAccess (forUpdate), so the previous cost read here is the one replaced.
        private const string Sql = """
            UPDATE ideas i SET cost = @Cost, updated_at = now()
              FROM (SELECT id, cost FROM ideas WHERE id = @IdeaId) previous
             WHERE i.id = previous.id AND previous.cost IS DISTINCT FROM @Cost
            RETURNING previous.cost AS previous, i.cost AS current;
            """;

        private sealed record Changed(decimal? Previous, decimal? Current);

        private const string InBasketSql = "SELECT EXISTS (SELECT 1 FROM basket_lines WHERE idea_id = @IdeaId);";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct, forUpdate: true)).RequireStaff();
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(InBasketSql, new { c.IdeaId }, tx, cancellationToken: ct)))
                throw new ConflictException(Messages.Get("cost_locked"), "cost");
            if (
                await connection.QuerySingleOrDefaultAsync<Changed>(
                    new CommandDefinition(Sql, new { c.IdeaId, c.Cost }, tx, cancellationToken: ct)
                ) is
                { } changed
            )
                await events.RecordAsync(
                    tx,
                    EventType.IdeaCostSet,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId, idea.DepartmentId),
                    new { cost = changed.Previous },
                    new { cost = changed.Current },
                    new { projectId = idea.ProjectId, cost = c.Cost },
                    ct
                );
            await tx.CommitAsync(ct);
            return new Response(c.IdeaId, c.Cost);
        }
    }

    [EndpointSummary("Set or clear an idea's cost for participatory budgeting (the project's staff; locked once in a basket).")]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.Cost), ct);
}
