namespace Participation.Api.Infrastructure.Errors;

/// <summary>The thing does not exist, or the caller may not know that it does (→ 404).</summary>
public sealed class NotFoundException(string message = "The resource was not found.") : Exception(message);

/// <summary>The caller is known but may not do this (→ 403).</summary>
public sealed class ForbiddenException(string message = "You are not allowed to do this.") : Exception(message);

/// <summary>A business rule refuses the change (→ 409).</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The credentials presented are not valid (→ 401).</summary>
public sealed class UnauthorizedException(string message = "Authentication failed.") : Exception(message);

/// <summary>A one-time link or token is unknown, expired, used or revoked (→ 410, no detail).</summary>
public sealed class GoneException() : Exception("This link is no longer valid.");

/// <summary>Too many attempts (→ 429 with Retry-After).</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : Exception("Too many requests. Try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The participation rules refuse the action (→ 403 with a machine-readable <c>reason</c>, as in "what may I do
/// here").</summary>
public sealed class ActionRefusedException(string action, string reason, string message) : Exception(message)
{
    public string Action { get; } = action;
    public string Reason { get; } = reason;
}

/// <summary>
/// An API client's token lacks every scope the endpoint accepts (→ 403, <c>reason</c> insufficient_scope, and RFC 6750's
/// <c>WWW-Authenticate: Bearer error="insufficient_scope"</c> naming the scopes that would do).
/// </summary>
public sealed class InsufficientScopeException(IReadOnlyList<string> accepted)
    : Exception(accepted.Count == 0 ? "API clients may not call this endpoint." : "The client's token lacks the scope this endpoint needs.")
{
    public IReadOnlyList<string> Accepted { get; } = accepted;
}

/// <summary>A service the request needs is not configured or not answering (→ 503 with a machine-readable <c>reason</c>).</summary>
public class ServiceUnavailableException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// The file store has no room left (the disk or the quota is full): → 507 Insufficient Storage with <c>reason</c>
/// <c>storage_full</c>. Whatever was being written was removed, and nothing was recorded for it.
/// </summary>
public sealed class StorageFullException(Exception inner) : Exception(Messages.Get("storage_full"), inner)
{
    public const string Reason = "storage_full";
}
