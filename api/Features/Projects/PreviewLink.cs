using Dapper;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Projects;

/// <summary>
/// A revocable preview link for a draft: a new link replaces the previous one; revoking ends it. Only the
/// hash is stored, so the link is shown once, when created.
/// </summary>
public static class CreatePreviewLink
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<Response>;

    public sealed record Response(string Token, string Path);

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            WITH linked AS (UPDATE projects SET preview_token_hash = @Hash WHERE id = @Id RETURNING id, department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id)
            SELECT @ActorId, 'project.preview_link_created', 'project', id::text, department_id FROM linked;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var token = SecureTokens.New();
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.Id, c.ActorId, Hash = SecureTokens.Hash(token) }, cancellationToken: ct));
            return new Response(token, $"/projects/{c.Id}/preview#token={token}");
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/{id:guid}/preview-link", (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id), ct))
        .WithName(nameof(CreatePreviewLink))
        .WithSummary("Create (or replace) the preview link of a project (its staff); the token is shown once.")
        .ProducesProblems(401, 403, 404);
}

public static class RevokePreviewLink
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH revoked AS (UPDATE projects SET preview_token_hash = NULL WHERE id = @Id AND preview_token_hash IS NOT NULL RETURNING id, department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id)
            SELECT @ActorId, 'project.preview_link_revoked', 'project', id::text, department_id FROM revoked;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            await connection.ExecuteAsync(new CommandDefinition(Sql, c, cancellationToken: ct));
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/{id:guid}/preview-link", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(RevokePreviewLink))
        .WithSummary("Revoke the preview link of a project (its staff).")
        .ProducesProblems(401, 403, 404);
}
