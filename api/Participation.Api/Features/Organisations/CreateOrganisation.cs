using Participation.Api.Features.Events;

namespace Participation.Api.Features.Organisations;

/// <summary>A resident creates an organisation profile; it waits for an admin's verification.</summary>
public static class CreateOrganisation
{
    public sealed record Request(string? Name, string? Description, string? Website);

    public sealed record Command(Guid ActorId, string? Name, string? Description, string? Website) : ICommand<Response>;

    public sealed record Response(Guid Id, OrganisationStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => Messages.Get("required")).OrganisationName();
            RuleFor(c => c.Description).PlainText(2000);
            RuleFor(c => c.Website).WebAddress();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            WITH organisation AS (
                INSERT INTO organisations (id, name, description, website, created_by)
                VALUES (@Id, @Name, @Description, @Website, @ActorId)
                RETURNING id)
            INSERT INTO organisation_members (organisation_id, user_id, role) SELECT id, @ActorId, 'owner' FROM organisation;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var fields = new
            {
                Name = c.Name!.Trim(),
                Description = c.Description?.Trim() ?? "",
                Website = string.IsNullOrWhiteSpace(c.Website) ? null : c.Website.Trim(),
            };
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Id = id,
                            fields.Name,
                            fields.Description,
                            fields.Website,
                            c.ActorId,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                await events.RecordAsync(
                    tx,
                    EventType.OrganisationCreated,
                    Actor.User(c.ActorId),
                    id,
                    Scope.Platform,
                    null,
                    new
                    {
                        fields.Name,
                        fields.Description,
                        fields.Website,
                        Status = OrganisationStatus.Pending,
                    },
                    ct: ct
                );
                await tx.CommitAsync(ct);
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("organisations_name_key"))
            {
                throw new ConflictException(Messages.Get("organisation_name_taken"), nameof(Command.Name));
            }
            return new Response(id, OrganisationStatus.Pending);
        }
    }

    [EndpointSummary("Create an organisation you represent; an admin verifies it before members can post as it.")]
    public static async Task<Created<Response>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller.UserId, body.Name, body.Description, body.Website), ct);
        return TypedResults.Created($"/api/v1/organisations/{created.Id}", created);
    }
}
