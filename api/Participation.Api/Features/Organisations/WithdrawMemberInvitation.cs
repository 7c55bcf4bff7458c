using Participation.Api.Features.Events;

namespace Participation.Api.Features.Organisations;

/// <summary>The owner withdraws a pending invitation to join (idempotent). The address travels in the body, not the URL.</summary>
public static class WithdrawMemberInvitation
{
    public sealed record Request(string Email);

    public sealed record Command(Guid ActorId, Guid Id, string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).EmailAddress();
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Owner = """
            SELECT EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = @Id AND user_id = @ActorId AND role = 'owner');
            """;

        private const string Sql = "DELETE FROM organisation_invitations WHERE organisation_id = @Id AND email = @Email RETURNING true;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Owner, c, tx, cancellationToken: ct)))
                throw new NotFoundException("No such organisation.");
            // Nothing pending for that address changes nothing: no event (which never carries the address).
            if (
                await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(Sql, new { c.Id, Email = TextRules.NormalizeEmail(c.Email) }, tx, cancellationToken: ct)
                )
            )
                await events.RecordAsync(
                    tx,
                    EventType.OrganisationMemberInvitationWithdrawn,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Platform,
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Withdraw a pending invitation to join your organisation (owner).")]
    public static async Task<NoContent> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, body.Email), ct);
        return TypedResults.NoContent();
    }
}
