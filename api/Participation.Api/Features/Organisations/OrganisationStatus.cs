using System.Text.Json.Serialization;

namespace Participation.Api.Features.Organisations;

/// <summary>An organisation profile awaits an admin's review, is verified (public, residents may post for it) or rejected.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OrganisationStatus
{
    Pending,
    Verified,
    Rejected,
}

/// <summary>An admin's decision on an organisation profile.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OrganisationDecision
{
    Verify,
    Reject,
}

/// <summary>A person's place in an organisation.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OrganisationRole
{
    Owner,
    Member,
}

/// <summary>How the caller belongs to an organisation: as its owner, a member, or invited to join.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum Membership
{
    Owner,
    Member,
    Invited,
}
