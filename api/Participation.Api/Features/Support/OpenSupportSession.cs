using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Support;

/// <summary>
/// A support person (operator token, role support or operator) opens a session in a city that grants support access now:
/// the city's user for them (made on first use, "« name » (support Participation)") holds the admin role, and the answer is a
/// city access token for that user that also names the grant (<see cref="SupportSession.GrantClaim"/>). Every request with
/// it checks the grant (refused with 401 once it ends or is revoked) and marks the events it records. Refused without an
/// active grant (403); an unknown city is a 404, a suspended or archived one a 409. The opening is in the operators' audit.
/// </summary>
public static class OpenSupportSession
{
    public sealed record Request([property: JsonRequired] Guid CityId);

    public sealed record Command(Guid OperatorId, Guid CityId) : ICommand<Response>;

    /// <param name="AccessToken">A city access token: send it to the city's address (its host), as its admins do.</param>
    /// <param name="ExpiresAt">When the token stops working (sooner if the grant ends: then open a new session).</param>
    /// <param name="UserId">The city's user support acts as.</param>
    /// <param name="GrantEndsAt">When the city's grant ends.</param>
    public sealed record Response(
        string AccessToken,
        DateTimeOffset ExpiresAt,
        Guid CityId,
        Guid GrantId,
        DateTimeOffset GrantEndsAt,
        Guid UserId,
        [property: JsonRequired] string TokenType = "Bearer"
    );

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CityId).NotEmpty();
    }

    public sealed class Handler(PlatformDb platform, CityDb db, RoleGrants roles, AccessTokens tokens) : ICommandHandler<Command, Response>
    {
        private const string Person = """
            SELECT o.display_name, (SELECT status FROM cities WHERE id = @CityId) AS city_status
              FROM operators o WHERE o.id = @OperatorId AND o.disabled_at IS NULL;
            """;

        private const string Grant = """
            SELECT id, ends_at FROM support_grants
             WHERE revoked_at IS NULL AND ends_at > now() ORDER BY starts_at DESC LIMIT 1 FOR SHARE;
            """;

        private const string Audit = """
            INSERT INTO operator_audit (id, operator_id, action, city_id, details)
            VALUES (@Id, @OperatorId, 'support.session_opened', @CityId, jsonb_build_object('grantId', @GrantId, 'userId', @UserId));
            """;

        private sealed record PersonRow(string DisplayName, string? CityStatus);

        private sealed record GrantRow(Guid Id, DateTime EndsAt);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var owner = await platform.OpenConnectionAsync(ct);
            var person = await owner.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(Person, c, cancellationToken: ct))
                ?? throw new ForbiddenException();
            if (person.CityStatus is null)
                throw new NotFoundException("No such city.");
            if (person.CityStatus != "active")
                throw new ConflictException("This city is not active.");
            using var city = CityScope.Enter(c.CityId);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var grant = await connection.QuerySingleOrDefaultAsync<GrantRow>(
                new CommandDefinition(Grant, transaction: tx, cancellationToken: ct)
            ) ?? throw new ForbiddenException("This city grants no support access now.");
            SupportUsers.Account account;
            using (SupportSession.Enter(grant.Id))
                account = await SupportUsers.EnsureAdminAsync(connection, tx, roles, c.OperatorId, person.DisplayName, ct);
            await tx.CommitAsync(ct);
            await owner.ExecuteAsync(
                new CommandDefinition(
                    Audit,
                    new
                    {
                        Id = Guid.CreateVersion7(),
                        c.OperatorId,
                        c.CityId,
                        GrantId = grant.Id,
                        UserId = account.Id,
                    },
                    cancellationToken: ct
                )
            );
            var (token, expires) = tokens.Issue(account.Id, account.RoleVersion, grant.Id);
            return new Response(token, expires, c.CityId, grant.Id, grant.EndsAt.AsUtc(), account.Id);
        }
    }

    [EndpointSummary("Open a support session in a city that grants support access now: a city access token naming the grant.")]
    public static ValueTask<Response> Endpoint(Request body, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, body.CityId), ct);
}
