using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>
/// Accepts an invitation, once: a new account (names + password; the address is confirmed by the link)
/// or, signed in, the existing account with the invited address. The role is granted and a session opened.
/// </summary>
public static class AcceptInvitation
{
    public sealed record Request(string Token, string? FirstName, string? LastName, string? Password, string? Locale);

    public sealed record Command(Guid? ActorId, string Token, string? FirstName, string? LastName, string? Password, string? Locale)
        : ICommand<AuthTokens>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).RequiredText(200);
            When(
                c => c.ActorId is null,
                () =>
                {
                    RuleFor(c => c.FirstName!).PersonName();
                    RuleFor(c => c.LastName!).PersonName();
                    RuleFor(c => c.Password!).NewPassword();
                }
            );
            RuleFor(c => c.Locale).Locale();
        }
    }

    public sealed class Handler(CityDb db, RoleGrants grants, TokenIssuer tokens) : ICommandHandler<Command, AuthTokens>
    {
        // One statement consumes the invitation: under parallel accepts exactly one succeeds.
        private const string Consume = $"""
            UPDATE invitations i SET accepted_at = now()
              FROM invitation_tokens t
             WHERE t.token_hash = @Hash AND t.invitation_id = i.id AND {LookupInvitation.Handler.Valid}
            RETURNING i.id, i.email, i.role, i.scope_type, i.scope_id, i.locale, i.invited_by;
            """;

        private const string EndTokens = "DELETE FROM invitation_tokens WHERE invitation_id = @Id;";

        private const string Account = "SELECT id, email, role_version FROM users WHERE id = @Id FOR UPDATE;";

        private const string CreateAccount = """
            INSERT INTO users (id, email, password_hash, first_name, last_name, locale, email_confirmed_at)
            VALUES (@Id, @Email, @PasswordHash, @FirstName, @LastName, @Locale, now())
            ON CONFLICT (city_id, email) DO NOTHING
            RETURNING id;
            """;

        private const string Accepted = """
            WITH invitation AS (UPDATE invitations SET accepted_by = @UserId WHERE id = @Id)
            UPDATE users SET email_confirmed_at = coalesce(email_confirmed_at, now()) WHERE id = @UserId
            RETURNING role_version;
            """;

        private sealed record Invitation(
            Guid Id,
            string Email,
            string Role,
            string ScopeType,
            Guid? ScopeId,
            string Locale,
            Guid? InvitedBy
        );

        private sealed record AccountRow(Guid Id, string Email, int RoleVersion);

        public async ValueTask<AuthTokens> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var invitation = await connection.QuerySingleOrDefaultAsync<Invitation>(
                new CommandDefinition(Consume, new { Hash = SecureTokens.Hash(c.Token) }, tx, cancellationToken: ct)
            ) ?? throw new GoneException();
            await connection.ExecuteAsync(new CommandDefinition(EndTokens, new { invitation.Id }, tx, cancellationToken: ct));

            Guid userId;
            if (c.ActorId is { } actor)
            {
                var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(
                    new CommandDefinition(Account, new { Id = actor }, tx, cancellationToken: ct)
                ) ?? throw new NotFoundException();
                if (account.Email != invitation.Email)
                    throw new ConflictException(Messages.Get("invitation_other_address"));
                userId = account.Id;
            }
            else
            {
                var created = await connection.QuerySingleOrDefaultAsync<Guid?>(
                    new CommandDefinition(
                        CreateAccount,
                        new
                        {
                            Id = Guid.CreateVersion7(),
                            invitation.Email,
                            PasswordHash = Passwords.Hash(c.Password!),
                            FirstName = c.FirstName!.Trim(),
                            LastName = c.LastName!.Trim(),
                            Locale = c.Locale ?? invitation.Locale,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                userId = created ?? throw new ConflictException(Messages.Get("invitation_log_in"));
            }

            await grants.GrantAsync(
                connection,
                tx,
                userId,
                invitation.Role.ToEnum<Role>(),
                invitation.ScopeType.ToEnum<ScopeType>(),
                invitation.ScopeId,
                invitation.InvitedBy,
                "invitation",
                ct
            );
            var roleVersion = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition(Accepted, new { invitation.Id, UserId = userId }, tx, cancellationToken: ct)
            );
            var session = await tokens.IssueAsync(connection, tx, userId, roleVersion, Guid.NewGuid(), ct);
            await tx.CommitAsync(ct);
            return session;
        }
    }

    [EndpointSummary("Accept an invitation: create the account, or (signed in) add the role to yours; answers a new session.")]
    public static ValueTask<AuthTokens> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserIdOrNull, body.Token, body.FirstName, body.LastName, body.Password, body.Locale), ct);
}
