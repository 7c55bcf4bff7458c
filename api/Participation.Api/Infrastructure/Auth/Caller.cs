namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// Who sends the request, bound once from the validated bearer token: an endpoint takes a <see cref="Caller"/>
/// parameter instead of reading claims itself. Anonymous callers have no <see cref="UserIdOrNull"/>.
/// </summary>
public sealed class Caller
{
    private Caller(Guid? userId) => UserIdOrNull = userId;

    /// <summary>The signed-in person, or null for an anonymous visitor.</summary>
    public Guid? UserIdOrNull { get; }

    /// <summary>The signed-in person; only on endpoints that require authentication (a bug otherwise).</summary>
    public Guid UserId => UserIdOrNull ?? throw new InvalidOperationException("The endpoint must require an authenticated user.");

    /// <summary>Minimal APIs' binding: from the request's authenticated principal, never from its body or query.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(new Caller(context.User.UserIdOrNull()));
}
