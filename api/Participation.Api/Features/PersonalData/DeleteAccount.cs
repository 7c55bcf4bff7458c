using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// Deletes the caller's account, confirmed with their password. What they did stays counted under a new "former
/// participant" account with a fresh random id (ideas, comments, reactions, votes, baskets, survey answers, registrations;
/// see <see cref="AccountDeletionRules"/>); what is personal goes (tokens and sessions, notifications, preferences,
/// follows, consents, memberships, e-mails to them still in the outbox, invitations to their address, export files, the
/// avatar's picture).
/// Organisations they own pass to their longest-standing member when no other owner is left; one with no other member is
/// closed (see <see cref="AccountEraser"/>, which the retention of inactive accounts uses too). The id is replaced in the
/// event log's payloads too, so neither the id nor the address remains anywhere. The person's row is locked first, so
/// parallel requests delete once (the others: 404). Staff accounts are closed by an admin, not here (409).
/// </summary>
public static class DeleteAccount
{
    public sealed record Request(string Password);

    public sealed record Command(Guid ActorId, string Password) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).RequiredText(Passwords.MaxLength);
    }

    public sealed class Handler(CityDb db, EventRecorder events, RoleVersionCheck versions, IFileStorage storage) : ICommandHandler<Command>
    {
        private const string Lock = """
            SELECT email, password_hash,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id) AS staff
              FROM users u WHERE u.id = @ActorId AND u.deleted_at IS NULL FOR UPDATE;
            """;

        private sealed record Row(string Email, string PasswordHash, bool Staff);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var me = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lock, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (!Passwords.Verify(me.PasswordHash, c.Password))
                throw new FluentValidation.ValidationException([
                    new FluentValidation.Results.ValidationFailure(nameof(Command.Password), Messages.Get("current_password_wrong")),
                ]);
            if (me.Staff)
                throw new ConflictException(Messages.Get("account_deletion_staff"));
            var erased = await AccountEraser.EraseAsync(
                connection,
                tx,
                events,
                versions,
                c.ActorId,
                me.Email,
                EventType.UserAccountDeleted,
                ct
            );
            await tx.CommitAsync(ct);
            foreach (var file in erased.Files)
                await storage.DeleteAsync(file, CancellationToken.None);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete your account (password required): your contributions stay as a former participant's, the rest goes.")]
    public static async Task<IResult> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, body.Password), ct);
        return TypedResults.NoContent();
    }
}
