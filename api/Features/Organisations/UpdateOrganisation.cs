using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Organisations;

/// <summary>
/// The owner edits the profile. Renaming a verified organisation sends it back to review, so nobody can
/// borrow a verified badge for another name.
/// </summary>
public static class UpdateOrganisation
{
    public sealed record Request(string? Name, string? Description, string? Website);

    public sealed record Command(Guid ActorId, Guid Id, string? Name, string? Description, string? Website) : ICommand<Response>;

    public sealed record Response(Guid Id, OrganisationStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).OrganisationName();
            RuleFor(c => c.Description).PlainText(2000);
            RuleFor(c => c.Website).WebAddress().When(c => !string.IsNullOrEmpty(c.Website));
        }
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            UPDATE organisations o
               SET name = coalesce(@Name, o.name),
                   description = coalesce(@Description, o.description),
                   website = CASE WHEN @Website::text IS NULL THEN o.website WHEN @Website = '' THEN NULL ELSE @Website END,
                   status = CASE WHEN @Name::text IS NOT NULL AND lower(@Name) <> lower(o.name) AND o.status = 'verified' THEN 'pending' ELSE o.status END,
                   updated_at = now()
             WHERE o.id = @Id
               AND EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id = @ActorId AND m.role = 'owner')
            RETURNING o.status;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            try
            {
                var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new
                {
                    c.Id, c.ActorId, Name = c.Name?.Trim(), Description = c.Description?.Trim(), Website = c.Website?.Trim(),
                }, cancellationToken: ct));
                // Someone else's organisation answers as if it did not exist.
                return status is null ? throw new NotFoundException("No such organisation.") : new Response(c.Id, status.ToEnum<OrganisationStatus>());
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("organisations_name_key"))
            {
                throw new ConflictException(Messages.Get("organisation_name_taken"), nameof(Command.Name));
            }
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPatch("/{id:guid}", (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id, body.Name, body.Description, body.Website), ct))
        .WithName(nameof(UpdateOrganisation))
        .WithSummary("Edit your organisation (owner); a new name sends a verified organisation back to review.")
        .ProducesProblems(400, 401, 404, 409);
}
