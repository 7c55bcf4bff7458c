using System.Text.Json.Serialization;

namespace Participation.Api.Features.Invitations;

/// <summary>Where an invitation stands (expired: its 30 days are over without acceptance).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>Where the invitation e-mail stands in the outbox.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum EmailDeliveryState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>Why a row of an invitation batch was skipped (nothing to do).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum InvitationSkipReason
{
    AlreadyHasRole,

    /// <summary>A pending invitation exists: resend it.</summary>
    AlreadyInvited,
}

/// <summary>Why a row of an invitation batch was refused.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum InvitationRowErrorCode
{
    InvalidEmail,
    InvalidName,
    InvalidLocale,
    DuplicateInRequest,
}
