namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// Who sends the request, bound once from the validated bearer token: an endpoint takes a <see cref="Caller"/>
/// parameter instead of reading claims itself. Anonymous callers have no <see cref="UserIdOrNull"/>; an API client
/// (client credentials) has no user either, only <see cref="ClientIdOrNull"/> and its <see cref="Scopes"/>, so a
/// public read answers a client exactly as it answers a visitor.
/// </summary>
public sealed class Caller
{
    private Caller(Guid? userId, Guid? clientId, IReadOnlySet<ClientScope> scopes)
    {
        UserIdOrNull = userId;
        ClientIdOrNull = clientId;
        Scopes = scopes;
    }

    /// <summary>The signed-in person, or null for an anonymous visitor or an API client.</summary>
    public Guid? UserIdOrNull { get; }

    /// <summary>The signed-in person; only on endpoints that require authentication (a bug otherwise).</summary>
    public Guid UserId => UserIdOrNull ?? throw new InvalidOperationException("The endpoint must require an authenticated user.");

    /// <summary>The API client calling, or null for people and visitors.</summary>
    public Guid? ClientIdOrNull { get; }

    /// <summary>The scopes of the client's token (empty for people and visitors).</summary>
    public IReadOnlySet<ClientScope> Scopes { get; }

    /// <summary>Minimal APIs' binding: from the request's authenticated principal, never from its body or query.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(new Caller(context.User.UserIdOrNull(), context.User.ClientIdOrNull(), context.User.ClientScopes()));
}
