using System.Text.Json.Serialization;

namespace Participation.Api.Features.Support;

/// <summary>Where a support grant stands: open until its end, ended by time, or closed by an admin.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum SupportGrantStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A support grant as the city's admins see it: who opened it and why, its period, who closed it.</summary>
/// <param name="Id">The grant.</param>
/// <param name="GrantedBy">The admin who granted it (null once their account is gone).</param>
/// <param name="Reason">Why (optional, for the admins' record).</param>
/// <param name="StartsAt">When the access began.</param>
/// <param name="EndsAt">When it ends (or ended): extended by granting again while it is active.</param>
/// <param name="RevokedAt">When an admin closed it early, if one did.</param>
/// <param name="RevokedBy">Who closed it.</param>
/// <param name="Status">Active, expired or revoked.</param>
public sealed record SupportGrant(
    Guid Id,
    SupportPerson? GrantedBy,
    string? Reason,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? RevokedAt,
    SupportPerson? RevokedBy,
    SupportGrantStatus Status
);

/// <summary>A staff member of the city, by name.</summary>
public sealed record SupportPerson(Guid Id, string FirstName, string LastName);

/// <summary>Reads grants with their people's names (the list and the answers of grant and revoke).</summary>
internal static class SupportGrants
{
    public const string Select = """
        SELECT g.id, g.reason, g.starts_at, g.ends_at, g.revoked_at,
               CASE WHEN g.revoked_at IS NOT NULL THEN 'revoked' WHEN g.ends_at <= now() THEN 'expired' ELSE 'active' END AS status,
               gb.id AS granted_by_id, gb.first_name AS granted_by_first_name, gb.last_name AS granted_by_last_name,
               rb.id AS revoked_by_id, rb.first_name AS revoked_by_first_name, rb.last_name AS revoked_by_last_name
          FROM support_grants g
          LEFT JOIN users gb ON gb.id = g.granted_by
          LEFT JOIN users rb ON rb.id = g.revoked_by
        """;

    public sealed record Row(
        Guid Id,
        string? Reason,
        DateTime StartsAt,
        DateTime EndsAt,
        DateTime? RevokedAt,
        string Status,
        Guid? GrantedById,
        string? GrantedByFirstName,
        string? GrantedByLastName,
        Guid? RevokedById,
        string? RevokedByFirstName,
        string? RevokedByLastName
    )
    {
        public SupportGrant ToGrant() =>
            new(
                Id,
                GrantedById is { } g ? new SupportPerson(g, GrantedByFirstName!, GrantedByLastName!) : null,
                Reason,
                StartsAt.AsUtc(),
                EndsAt.AsUtc(),
                RevokedAt?.AsUtc(),
                RevokedById is { } r ? new SupportPerson(r, RevokedByFirstName!, RevokedByLastName!) : null,
                Status.ToEnum<SupportGrantStatus>()
            );
    }

    /// <summary>Serialises grant and revoke in one city (one active grant at a time), in the caller's transaction.</summary>
    public const string LockCity = "SELECT pg_advisory_xact_lock(hashtextextended('support_grants:' || current_city()::text, 0));";
}
