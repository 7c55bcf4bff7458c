using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Organisations;

/// <summary>
/// The owner asks someone to join, by e-mail. The answer never says whether the address has an account;
/// the person accepts once logged in with that (confirmed) address.
/// </summary>
public static class InviteMember
{
    public sealed record Request(string Email);

    public sealed record Command(Guid ActorId, Guid Id, string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).EmailAddress();
    }

    public sealed class Handler(CityDb db, EmailTemplates templates, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH owner AS (
                SELECT o.id, o.name, u.first_name || ' ' || u.last_name AS inviter_name
                  FROM organisations o
                  JOIN organisation_members m ON m.organisation_id = o.id AND m.user_id = @ActorId AND m.role = 'owner'
                  JOIN users u ON u.id = @ActorId
                 WHERE o.id = @Id),
            invited AS (
                INSERT INTO organisation_invitations (organisation_id, email, invited_by)
                SELECT id, @Email, @ActorId FROM owner
                 WHERE NOT EXISTS (SELECT 1 FROM organisation_members m JOIN users u ON u.id = m.user_id
                                    WHERE m.organisation_id = owner.id AND u.email = @Email)
                ON CONFLICT DO NOTHING
                RETURNING organisation_id)
            SELECT o.name, o.inviter_name, EXISTS (SELECT 1 FROM invited) AS is_new, (SELECT name FROM platform_settings) AS platform_name,
                   coalesce((SELECT locale FROM users WHERE email = @Email), 'fr') AS locale
              FROM owner o;
            """;

        private sealed record Row(string Name, string InviterName, bool IsNew, string PlatformName, string Locale);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var email = TextRules.NormalizeEmail(c.Email);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.ActorId,
                        c.Id,
                        Email = email,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException("No such organisation.");
            if (row.IsNew) // inviting the same address again (or a member) changes nothing: no event
            {
                await Outbox.EnqueueAsync(
                    connection,
                    tx,
                    templates.OrganisationInvitation(row.Locale, email, row.PlatformName, row.Name, row.InviterName, c.Id),
                    ct
                );
                // An invitation is an e-mail address, which events never carry: the fact is that the owner invited someone.
                await events.RecordAsync(tx, EventType.OrganisationMemberInvited, Actor.User(c.ActorId), c.Id, Scope.Platform, ct: ct);
            }
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Ask someone to join your organisation (owner); they accept once logged in with that address.")]
    public static async Task<Accepted> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, body.Email), ct);
        return TypedResults.Accepted((string?)null);
    }
}
