using System.Text.Json.Serialization;

namespace Participation.Api.Features.Phases;

/// <summary>What a person may do in a project's phase or with an idea ("what may I do here").</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ParticipationAction
{
    PostIdea,
    Comment,
    React,
    Vote,
    Answer,
    Follow,
    Flag,
    Edit,
    Withdraw,
    Moderate,
}

/// <summary>Why an action is refused (the same reason in "what may I do here" and in a 403's <c>reason</c>).</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum RefusalReason
{
    NotSignedIn,
    EmailNotConfirmed,
    NotPermitted,
    PhaseNotActive,
    ProjectArchived,
    LimitReached,
    AlreadyResponded,
    Blocked,

    /// <summary>Only the idea's author may do this.</summary>
    NotAuthor,

    /// <summary>The city is already reviewing the idea.</summary>
    IdeaLocked,

    /// <summary>The idea is not public (awaiting pre-moderation, hidden or withdrawn).</summary>
    NotPublic,
}
