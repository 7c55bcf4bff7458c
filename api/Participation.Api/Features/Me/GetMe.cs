using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Me;

/// <summary>The signed-in user's own profile: the only place their e-mail is shown to them.</summary>
public static class GetMe
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record RoleGrant(Role Role, ScopeType ScopeType, Guid? ScopeId);

    private sealed record GrantRow(string Role, string ScopeType, Guid? ScopeId);

    public sealed record Response(
        Guid Id,
        string Email,
        bool EmailConfirmed,
        string FirstName,
        string LastName,
        string Locale,
        IReadOnlyList<RoleGrant> Roles,
        DateTimeOffset CreatedAt,
        string? AvatarUrl
    );

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT id, email, email_confirmed_at IS NOT NULL AS email_confirmed, first_name, last_name, locale, created_at, avatar_key
              FROM users WHERE id = @ActorId;
            SELECT role, scope_type, scope_id FROM user_roles WHERE user_id = @ActorId ORDER BY role, scope_type, scope_id;
            """;

        // timestamptz reads as a UTC DateTime
        private sealed record Row(
            Guid Id,
            string Email,
            bool EmailConfirmed,
            string FirstName,
            string LastName,
            string Locale,
            DateTime CreatedAt,
            string? AvatarKey
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, q, cancellationToken: ct));
            var user = await results.ReadSingleOrDefaultAsync<Row>() ?? throw new NotFoundException();
            var roles = (await results.ReadAsync<GrantRow>())
                .Select(r => new RoleGrant(r.Role.ToEnum<Role>(), r.ScopeType.ToEnum<ScopeType>(), r.ScopeId))
                .ToList();
            return new Response(
                user.Id,
                user.Email,
                user.EmailConfirmed,
                user.FirstName,
                user.LastName,
                user.Locale,
                roles,
                user.CreatedAt.AsUtc(),
                Users.Avatars.UrlOf(user.AvatarKey)
            );
        }
    }

    [EndpointSummary("Your own profile, with your e-mail address and roles.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
