using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator adds a person to the console (an operator or support staff) with a first password, which they hand over
/// out of band; the person must replace it at their first sign-in (<see cref="OperatorPasswordChange"/>). An address
/// already in the console is a 409 (enable or change the existing account instead); nothing is written on a refusal.
/// Audited (operator.created).
/// </summary>
public static class CreateOperator
{
    /// <param name="Password">The first password (12 to 128 characters).</param>
    public sealed record Request(string Email, string DisplayName, [property: JsonRequired] OperatorRole Role, string Password);

    public sealed record Command(Guid OperatorId, string Email, string DisplayName, OperatorRole Role, string Password)
        : ICommand<OperatorAccount>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(c => c.DisplayName).PersonName();
            RuleFor(c => c.Role).IsInEnum();
            RuleFor(c => c.Password).NewPassword();
        }
    }

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command, OperatorAccount>
    {
        private const string Insert = """
            INSERT INTO operators (id, email, display_name, password_hash, role, password_change_required)
            VALUES (@Id, @Email, @DisplayName, @Hash, @Role, true)
            ON CONFLICT (email) DO NOTHING;
            """;

        public async ValueTask<OperatorAccount> Handle(Command c, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var email = TextRules.NormalizeEmail(c.Email);
            var hash = Passwords.Hash(c.Password);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var args = new
            {
                Id = id,
                Email = email,
                DisplayName = c.DisplayName.Trim(),
                Hash = hash,
                Role = c.Role.ToWire(),
            };
            if (await connection.ExecuteAsync(new CommandDefinition(Insert, args, tx, cancellationToken: ct)) == 0)
                throw new ConflictException("This address already has an account in the console.", "email");
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "operator.created",
                null,
                new { target = new OperatorAccounts.AuditTarget(id, email, args.DisplayName), role = args.Role },
                ct
            );
            var account = await OperatorAccounts.ReadAsync(connection, tx, id, ct);
            await tx.CommitAsync(ct);
            return account;
        }
    }

    [EndpointSummary("Add a person to the console (operators): an operator or support staff, with a first password.")]
    public static async Task<Created<OperatorAccount>> Endpoint(Request body, OperatorCaller caller, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(new Command(caller.Id, body.Email, body.DisplayName, body.Role, body.Password), ct);
        return TypedResults.Created($"/api/v1/operator/operators/{account.Id}", account);
    }
}
