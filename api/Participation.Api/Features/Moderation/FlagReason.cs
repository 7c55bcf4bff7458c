using System.Text.Json.Serialization;

namespace Participation.Api.Features.Moderation;

/// <summary>Why a resident reports an idea or a comment (<see cref="Other"/> needs an explanation).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum FlagReason
{
    Spam,
    Inappropriate,
    Other,
}

/// <summary>A moderator's decision on an idea awaiting pre-moderation.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ReviewDecision
{
    Approve,
    Reject,
}

/// <summary>What a moderation queue item is.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ModerationItemKind
{
    Idea,
    Comment,
}
