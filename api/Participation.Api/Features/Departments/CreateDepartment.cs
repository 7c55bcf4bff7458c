using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListDepartments.Department>
    {
        private const string Sql = "INSERT INTO departments (id, name) VALUES (@Id, CAST(@Name AS jsonb));";

        public async ValueTask<ListDepartments.Department> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            var id = Guid.CreateVersion7();
            var json = LocalizedText.ToJson(c.Name!);
            var name = LocalizedText.FromJson(json);
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, Name = json }, tx, cancellationToken: ct));
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("departments_name_fr_key"))
            {
                throw new ConflictException(Messages.Get("department_name_taken"), nameof(Command.Name));
            }
            // Platform scope: a department's own events stay admin-only in the audit log, as they always were.
            await events.RecordAsync(
                tx,
                EventType.DepartmentCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                before: null,
                after: new { name },
                data: new { name },
                ct
            );
            await tx.CommitAsync(ct);
            return new ListDepartments.Department(id, name);
        }
    }

    [EndpointSummary("Create a department (admin).")]
    public static async Task<Created<ListDepartments.Department>> Endpoint(
        Request body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var created = await sender.Send(new Command(caller.UserId, body.Name), ct);
        return TypedResults.Created($"/api/v1/departments/{created.Id}", created);
    }
}
