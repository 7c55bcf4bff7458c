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

/// <summary>An admin creates a department.</summary>
public static class CreateDepartment
{
    public sealed record Request(IReadOnlyDictionary<string, string>? Name);

    public sealed record Command(Guid ActorId, IReadOnlyDictionary<string, string>? Name) : ICommand<ListDepartments.Department>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).Localized(120);
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, ListDepartments.Department>
    {
        private const string Sql = """
            WITH created AS (
                INSERT INTO departments (id, name) VALUES (@Id, CAST(@Name AS jsonb))
                RETURNING id, name)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, data)
            SELECT @ActorId, 'department.created', 'department', id::text, jsonb_build_object('name', name) FROM created;
            """;

        public async ValueTask<ListDepartments.Department> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct)) throw new ForbiddenException();
            var id = Guid.CreateVersion7();
            var json = LocalizedText.ToJson(c.Name!);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, Name = json, c.ActorId }, cancellationToken: ct));
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("departments_name_fr_key"))
            {
                throw new ConflictException(Messages.Get("department_name_taken"), nameof(Command.Name));
            }
            return new ListDepartments.Department(id, LocalizedText.FromJson(json));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/", async (Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new Command(user.UserId(), body.Name), ct);
            return TypedResults.Created($"/api/v1/departments/{created.Id}", created);
        })
        .WithName(nameof(CreateDepartment))
        .WithSummary("Create a department (admin).")
        .ProducesProblems(400, 401, 403, 409);
}
