using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListDepartments.Department>
    {
        // The previous name is read under the row lock the update takes anyway.
        private const string Sql = """
            UPDATE departments d SET name = CAST(@Name AS jsonb), updated_at = now()
              FROM (SELECT id, name FROM departments WHERE id = @Id FOR UPDATE) old
             WHERE d.id = old.id
            RETURNING old.name::text;
            """;

        public async ValueTask<ListDepartments.Department> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            var json = LocalizedText.ToJson(c.Name!);
            var name = LocalizedText.FromJson(json);
            await using var tx = await connection.BeginTransactionAsync(ct);
            string? previous;
            try
            {
                previous = await connection.QuerySingleOrDefaultAsync<string>(
                    new CommandDefinition(Sql, new { c.Id, Name = json }, tx, cancellationToken: ct)
                );
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("departments_name_fr_key"))
            {
                throw new ConflictException(Messages.Get("department_name_taken"), nameof(Command.Name));
            }
            if (previous is null)
                throw new NotFoundException();
            await events.RecordAsync(
                tx,
                EventType.DepartmentRenamed,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: new { name = LocalizedText.FromJson(previous) },
                after: new { name },
                data: new { name },
                ct
            );
            await tx.CommitAsync(ct);
            return new ListDepartments.Department(c.Id, name);
        }
    }

    [EndpointSummary("Rename a department (admin).")]
    public static ValueTask<ListDepartments.Department> Endpoint(
        Guid id,
        Request body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, id, body.Name), ct);
}
