using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Users;

/// <summary>
/// Gives a user a role with a scope (idempotent). Admins grant anything; department heads grant
/// project moderators of their department's projects (projects arrive with the projects issue).
/// </summary>
public static class GrantRole
{
    public sealed record Request([property: JsonRequired] Role Role, [property: JsonRequired] ScopeType ScopeType, Guid? ScopeId);

    public sealed record Command(Guid ActorId, Guid UserId, Role Role, ScopeType ScopeType, Guid? ScopeId) : ICommand<ListUsers.RoleGrant>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role).IsInEnum().WithMessage(_ => Messages.Get("unknown_role"));
            RuleFor(c => c.ScopeType)
                .Must((c, s) => !Enum.IsDefined(c.Role) || Roles.ScopeAllowed(c.Role, s))
                .WithMessage(_ => Messages.Get("role_scope"));
            RuleFor(c => c.ScopeId)
                .Must((c, id) => (c.ScopeType == ScopeType.Platform) == (id is null))
                .WithMessage(_ => Messages.Get("role_scope_id"));
        }
    }

    public sealed class Handler(CityDb db, RoleGrants grants) : ICommandHandler<Command, ListUsers.RoleGrant>
    {
        private const string Existing = """
            SELECT id FROM user_roles
             WHERE user_id = @UserId AND role = @Role AND scope_type = @ScopeType AND scope_id IS NOT DISTINCT FROM @ScopeId;
            """;

        public async ValueTask<ListUsers.RoleGrant> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, c.Role, c.ScopeType, c.ScopeId, ct);
            if (
                !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(
                        "SELECT EXISTS (SELECT 1 FROM users WHERE id = @UserId)",
                        new { c.UserId },
                        tx,
                        cancellationToken: ct
                    )
                )
            )
                throw new NotFoundException("No such user.");

            var granted = await grants.GrantAsync(connection, tx, c.UserId, c.Role, c.ScopeType, c.ScopeId, c.ActorId, "admin", ct);
            var id = granted?.Id
                ?? await connection.ExecuteScalarAsync<Guid>(
                    new CommandDefinition(
                        Existing,
                        new
                        {
                            c.UserId,
                            Role = c.Role.ToWire(),
                            ScopeType = c.ScopeType.ToWire(),
                            c.ScopeId,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
            await tx.CommitAsync(ct);
            return new ListUsers.RoleGrant(id, c.Role, c.ScopeType, c.ScopeId);
        }
    }

    [EndpointSummary("Give a user a role (idempotent); the person is told by e-mail.")]
    public static ValueTask<ListUsers.RoleGrant> Endpoint(Guid userId, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, userId, body.Role, body.ScopeType, body.ScopeId), ct);
}
