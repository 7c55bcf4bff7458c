using Dapper;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Departments;

/// <summary>An admin deletes an empty department (no heads, no elected officials scoped to it, no projects).</summary>
public static class DeleteDepartment
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        // The foreign keys from role grants (and later projects) refuse the delete of a non-empty department.
        private const string Sql = """
            WITH deleted AS (DELETE FROM departments WHERE id = @Id RETURNING id, name),
            audited AS (
                INSERT INTO audit_log (actor_id, action, target_type, target_id, data)
                SELECT @ActorId, 'department.deleted', 'department', id::text, jsonb_build_object('name', name) FROM deleted)
            SELECT count(*) FROM deleted;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct)) throw new ForbiddenException();
            try
            {
                var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, c, cancellationToken: ct));
                return rows == 0 ? throw new NotFoundException() : Unit.Value;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new ConflictException(Messages.Get("department_not_empty"));
            }
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/{id:guid}", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(DeleteDepartment))
        .WithSummary("Delete an empty department (admin).")
        .ProducesProblems(401, 403, 404, 409);
}
