using Participation.Api.Features.Events;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        // The profile is locked before it changes: "old" is what this edit replaced, even when another edit ran first.
        private const string Sql = """
            UPDATE organisations o
               SET name = coalesce(@Name, o.name),
                   description = coalesce(@Description, o.description),
                   website = CASE WHEN @Website::text IS NULL THEN o.website WHEN @Website = '' THEN NULL ELSE @Website END,
                   status = CASE WHEN @Name::text IS NOT NULL AND lower(@Name) <> lower(o.name) AND o.status = 'verified' THEN 'pending'
                          ELSE o.status END,
                   updated_at = now()
              FROM (SELECT id, name, description, website, status FROM organisations WHERE id = @Id FOR UPDATE) old
             WHERE o.id = old.id
               AND EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id = @ActorId
                           AND m.role = 'owner')
            RETURNING old.name AS old_name, old.description AS old_description, old.website AS old_website, old.status AS old_status,
                      o.name, o.description, o.website, o.status;
            """;

        private sealed record Row(
            string OldName,
            string OldDescription,
            string? OldWebsite,
            string OldStatus,
            string Name,
            string Description,
            string? Website,
            string Status
        );

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.Id,
                            c.ActorId,
                            Name = c.Name?.Trim(),
                            Description = c.Description?.Trim(),
                            Website = c.Website?.Trim(),
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                // Someone else's organisation answers as if it did not exist.
                if (row is null)
                    throw new NotFoundException("No such organisation.");
                var status = row.Status.ToEnum<OrganisationStatus>();
                if (
                    Changes.Of(
                        ("name", row.OldName, row.Name),
                        ("description", row.OldDescription, row.Description),
                        ("website", row.OldWebsite, row.Website),
                        ("status", row.OldStatus.ToEnum<OrganisationStatus>(), status)
                    ) is
                    { } diff
                ) // the same profile again records nothing
                    await events.RecordAsync(
                        tx,
                        EventType.OrganisationEdited,
                        Actor.User(c.ActorId),
                        c.Id,
                        Scope.Platform,
                        diff.Before,
                        diff.After,
                        ct: ct
                    );
                await tx.CommitAsync(ct);
                return new Response(c.Id, status);
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("organisations_name_key"))
            {
                throw new ConflictException(Messages.Get("organisation_name_taken"), nameof(Command.Name));
            }
        }
    }

    [EndpointSummary("Edit your organisation (owner); a new name sends a verified organisation back to review.")]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.Name, body.Description, body.Website), ct);
}
