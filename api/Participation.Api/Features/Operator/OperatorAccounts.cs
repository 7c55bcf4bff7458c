using System.Data;
using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>One of the vendor's people as the console's operators manage them (their own staff: the e-mail is shown).</summary>
/// <param name="DisabledAt">When the account was disabled (it cannot sign in, its tokens are refused), or null.</param>
/// <param name="State">Invited (the e-mailed link not used yet: no sign-in), active or disabled. Always sent; optional in
/// the contract only because fields added to 1.x responses are.</param>
/// <param name="InvitationExpiresAt">For an invited person, when their link stops working (resend it for a new one), else
/// null.</param>
public sealed record OperatorAccount(
    Guid Id,
    string Email,
    string DisplayName,
    OperatorRole Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    OperatorAccountState? State = null,
    DateTimeOffset? InvitationExpiresAt = null
);

/// <summary>Where a person of the console stands: invited by e-mail (no password yet), active, or disabled.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OperatorAccountState
{
    Invited,
    Active,
    Disabled,
}

/// <summary>
/// What every change of the vendor's people shares: one change at a time (a transaction-level advisory lock, these
/// changes are rare), under which the acting operator must still be an enabled operator (a parallel change may have just
/// disabled or demoted them: 403) and the rule "at least one enabled operator" is read without a race.
/// </summary>
internal static class OperatorAccounts
{
    private const string Lock = "SELECT pg_advisory_xact_lock(hashtextextended('operators', 0));";

    private const string ActorRole = "SELECT role FROM operators WHERE id = @Id AND disabled_at IS NULL;";

    public const string Select = """
        SELECT o.id, o.email, o.display_name, o.role, o.created_at, o.disabled_at, i.expires_at AS invitation_expires_at
          FROM operators o LEFT JOIN operator_invitations i ON i.operator_id = o.id
        """;

    private const string Find = Select + " WHERE o.id = @Id;";

    private const string OthersEnabled = """
        SELECT count(*) FROM operators WHERE role = 'operator' AND disabled_at IS NULL AND password_hash IS NOT NULL AND id <> @Id;
        """;

    public sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        string Role,
        DateTime CreatedAt,
        DateTime? DisabledAt,
        DateTime? InvitationExpiresAt
    )
    {
        /// <summary>Invited until the link is used (a disabled invited person is disabled first).</summary>
        public OperatorAccountState State =>
            DisabledAt is not null ? OperatorAccountState.Disabled
            : InvitationExpiresAt is not null ? OperatorAccountState.Invited
            : OperatorAccountState.Active;

        public OperatorAccount ToAccount() =>
            new(
                Id,
                Email,
                DisplayName,
                Role.ToEnum<OperatorRole>(),
                CreatedAt.AsUtc(),
                DisabledAt?.AsUtc(),
                State,
                InvitationExpiresAt?.AsUtc()
            );

        /// <summary>The person a change is about, as the operators' audit names them (<c>details.target</c>).</summary>
        public AuditTarget Target => new(Id, Email, DisplayName);
    }

    public sealed record AuditTarget(Guid Id, string Email, string DisplayName);

    /// <summary>Takes the lock and checks the actor is still an enabled operator (else 403).</summary>
    public static async Task LockAsync(IDbConnection connection, IDbTransaction tx, Guid actorId, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(Lock, transaction: tx, cancellationToken: ct));
        var role = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(ActorRole, new { Id = actorId }, tx, cancellationToken: ct)
        );
        if (role != OperatorTokens.OperatorRole)
            throw new ForbiddenException("Only an enabled operator manages the console's people.");
    }

    /// <summary>The target of a change (404 when there is none); never the actor (403: another operator must do it).</summary>
    public static async Task<Row> TargetAsync(IDbConnection connection, IDbTransaction tx, Guid actorId, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Find, new { Id = id }, tx, cancellationToken: ct))
            ?? throw new NotFoundException("No such operator.");
        if (row.Id == actorId)
            throw new ForbiddenException("Nobody changes their own access to the console: another operator must.");
        return row;
    }

    /// <summary>409 when <paramref name="id"/> is the last enabled operator (the console would have nobody to run it).</summary>
    public static async Task KeepOneOperatorAsync(IDbConnection connection, IDbTransaction tx, Guid id, CancellationToken ct)
    {
        var others = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(OthersEnabled, new { Id = id }, tx, cancellationToken: ct)
        );
        if (others == 0)
            throw new ConflictException("This is the last enabled operator: enable or promote another one first.");
    }

    public static async Task<OperatorAccount> ReadAsync(IDbConnection connection, IDbTransaction tx, Guid id, CancellationToken ct) =>
        (await connection.QuerySingleAsync<Row>(new CommandDefinition(Find, new { Id = id }, tx, cancellationToken: ct))).ToAccount();
}
