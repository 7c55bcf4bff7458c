using System.Text.Json.Serialization;

namespace Participation.Api.Features.Ideas;

/// <summary>Where an idea stands; <see cref="Prescreening"/> until a moderator approves it when the phase asks for
/// pre-moderation.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum IdeaStatus
{
    Prescreening,
    Proposed,
    UnderConsideration,
    Accepted,
    Rejected,
    Implemented,
}

public static class IdeaStatuses
{
    /// <summary>What moderators may set (pre-moderation has its own approve/reject decision).</summary>
    public static readonly IdeaStatus[] Public =
    [
        IdeaStatus.Proposed,
        IdeaStatus.UnderConsideration,
        IdeaStatus.Accepted,
        IdeaStatus.Rejected,
        IdeaStatus.Implemented,
    ];

    /// <summary>While the city has not taken it up, the author may still edit or withdraw the idea.</summary>
    public static bool AuthorMayChange(IdeaStatus status) => status is IdeaStatus.Prescreening or IdeaStatus.Proposed;
}

/// <summary>How an idea list is sorted.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum IdeaSort
{
    Trending,
    Popular,
    Newest,
    MostCommented,
    Random,
}

/// <summary>A resident's reaction to an idea.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ReactionKind
{
    Like,
    Dislike,
}

/// <summary>Who is shown as an author: the person, or the verified organisation they posted for.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum AuthorKind
{
    Person,
    Organisation,
}

/// <summary>Who sees an idea: everyone (public), its author and the staff while it awaits pre-moderation, is hidden or withdrawn.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum IdeaVisibilityState
{
    Public,
    Prescreening,
    Hidden,
    Withdrawn,
}
