using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Departments;

/// <summary>An admin renames a department.</summary>
public static class RenameDepartment
{
    public sealed record Request(IReadOnlyDictionary<string, string>? Name);

    public sealed record Command(Guid ActorId, Guid Id, IReadOnlyDictionary<string, string>? Name) : ICommand<ListDepartments.Department>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).Localized(120);
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, ListDepartments.Department>
    {
        private const string Sql = """
            WITH renamed AS (
                UPDATE departments SET name = CAST(@Name AS jsonb), updated_at = now() WHERE id = @Id
                RETURNING id, name),
            audited AS (
                INSERT INTO audit_log (actor_id, action, target_type, target_id, data)
                SELECT @ActorId, 'department.renamed', 'department', id::text, jsonb_build_object('name', name) FROM renamed)
            SELECT count(*) FROM renamed;
            """;

        public async ValueTask<ListDepartments.Department> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct)) throw new ForbiddenException();
            var json = LocalizedText.ToJson(c.Name!);
            try
            {
                var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new { c.Id, Name = json, c.ActorId }, cancellationToken: ct));
                if (rows == 0) throw new NotFoundException();
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("departments_name_fr_key"))
            {
                throw new ConflictException(Messages.Get("department_name_taken"), nameof(Command.Name));
            }
            return new ListDepartments.Department(c.Id, LocalizedText.FromJson(json));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/{id:guid}", (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id, body.Name), ct))
        .WithName(nameof(RenameDepartment))
        .WithSummary("Rename a department (admin).")
        .ProducesProblems(400, 401, 403, 404, 409);
}
