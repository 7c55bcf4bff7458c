using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator adds a person to the console (an operator or support staff). By default the person is invited by e-mail:
/// the account has no password (nothing signs in to it) and a single-use link, valid for a week
/// (<see cref="OperatorInvitations"/>), opens the console's page where they choose their own
/// (<see cref="AcceptOperatorInvitation"/>). With a first password instead (the way kept for compatibility), the operator
/// hands it over out of band and the person must replace it at their first sign-in (<see cref="OperatorPasswordChange"/>).
/// An address already in the console is a 409 (enable, resend or change the existing account instead); nothing is
/// written on a refusal. Audited (operator.invited, or operator.created with a password).
/// </summary>
public static class CreateOperator
{
    /// <param name="Password">A first password instead of an invitation (12 to 128 characters), to hand over out of band; the
    /// person replaces it at their first sign-in. Leave it out to invite the person by e-mail.</param>
    /// <param name="Locale">The invitation e-mail's language (fr, nl or en; French by default).</param>
    public sealed record Request(
        string Email,
        string DisplayName,
        [property: JsonRequired] OperatorRole Role,
        [property: OptionalNotNull] string? Password = null, // was required in 1.0: optional now, never null
        string? Locale = null
    );

    public sealed record Command(Guid OperatorId, string Email, string DisplayName, OperatorRole Role, string? Password, string? Locale)
        : ICommand<OperatorAccount>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(c => c.DisplayName).PersonName();
            RuleFor(c => c.Role).IsInEnum();
            When(c => c.Password is not null, () => RuleFor(c => c.Password!).NewPassword());
            RuleFor(c => c.Locale).Locale();
        }
    }

    public sealed class Handler(PlatformDb db, TimeProvider clock, IOptions<EmailOptions> email) : ICommandHandler<Command, OperatorAccount>
    {
        private const string Insert = """
            INSERT INTO operators (id, email, display_name, password_hash, role, password_change_required)
            VALUES (@Id, @Email, @DisplayName, @Hash, @Role, @Hash IS NOT NULL)
            ON CONFLICT (email) DO NOTHING;
            """;

        public async ValueTask<OperatorAccount> Handle(Command c, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var address = TextRules.NormalizeEmail(c.Email);
            var hash = c.Password is null ? null : Passwords.Hash(c.Password);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var args = new
            {
                Id = id,
                Email = address,
                DisplayName = c.DisplayName.Trim(),
                Hash = hash,
                Role = c.Role.ToWire(),
            };
            if (await connection.ExecuteAsync(new CommandDefinition(Insert, args, tx, cancellationToken: ct)) == 0)
                throw new ConflictException("This address already has an account in the console.", "email");
            var person = new OperatorAccounts.Row(id, address, args.DisplayName, args.Role, default, null, null);
            if (hash is null)
                await OperatorInvitations.IssueAsync(connection, tx, person, c.OperatorId, c.Locale, clock, email.Value, ct);
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                hash is null ? "operator.invited" : "operator.created",
                null,
                new { target = person.Target, role = args.Role },
                ct
            );
            var account = await OperatorAccounts.ReadAsync(connection, tx, id, ct);
            await tx.CommitAsync(ct);
            return account;
        }
    }

    [EndpointSummary(
        "Add a person to the console (operators): an operator or support staff, invited by e-mail (or given a first password)."
    )]
    public static async Task<Created<OperatorAccount>> Endpoint(Request body, OperatorCaller caller, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(new Command(caller.Id, body.Email, body.DisplayName, body.Role, body.Password, body.Locale), ct);
        return TypedResults.Created($"/api/v1/operator/operators/{account.Id}", account);
    }
}
