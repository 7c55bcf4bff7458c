using Dapper;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Ideas;

/// <summary>Follow a public idea to hear about its status changes and official feedback (repeating it changes nothing).</summary>
public static class FollowIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = "INSERT INTO idea_follows (idea_id, user_id) VALUES (@IdeaId, @ActorId) ON CONFLICT DO NOTHING;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, null, ct)).RequireListed();
            await connection.ExecuteAsync(new CommandDefinition(Sql, c, cancellationToken: ct));
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/ideas/{id:guid}/follow", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(FollowIdea))
        .WithSummary("Follow an idea.")
        .ProducesProblems(401, 404, 409);
}

/// <summary>Stop following an idea (repeating it changes nothing).</summary>
public static class UnfollowIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM idea_follows WHERE idea_id = @IdeaId AND user_id = @ActorId;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, null, ct);
            await connection.ExecuteAsync(new CommandDefinition(Sql, c, cancellationToken: ct));
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/ideas/{id:guid}/follow", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(UnfollowIdea))
        .WithSummary("Stop following an idea.")
        .ProducesProblems(401, 404);
}
