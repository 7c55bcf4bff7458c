using System.Text.Json.Serialization;

namespace Participation.Api.Features.Phases;

/// <summary>Who may do an action in a phase.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum Audience
{
    Everyone,
    Registered,
    ConfirmedEmail,
    Staff,
}

/// <summary>How a phase lets people take part.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum PhaseMethod
{
    Information,
    Ideation,
    Voting,
    Budgeting,
    Survey,
    Poll,
}

/// <summary>
/// A phase's participation rules. Which fields apply depends on the method: ideation (post ideas,
/// comment, react, ideas and reactions per user, dislikes, map required, pre-moderation), voting (vote, comment, votes per user),
/// budgeting (vote = fill and submit a basket, comment, budget, minimum spend or number of ideas), survey and
/// poll (answer); information: none. Voting and budgeting results are shown to residents when
/// <see cref="ResultsPublic"/> is set, and once the phase is over; survey and poll results only when it is set.
/// </summary>
public sealed record PhaseSettings(
    PhasePermissions? Permissions = null,
    int? IdeasPerUser = null,
    int? ReactionsPerUser = null,
    int? VotesPerUser = null,
    bool? Dislikes = null,
    bool? Map = null,
    bool? PreModeration = null,
    decimal? BudgetAmount = null,
    string? BudgetCurrency = null,
    decimal? MinimumSpend = null,
    int? MinimumIdeas = null,
    bool? ResultsPublic = null
);

public sealed record PhasePermissions(
    Audience? PostIdea = null,
    Audience? Comment = null,
    Audience? React = null,
    Audience? Vote = null,
    Audience? Answer = null
);

public static class Methods
{
    /// <summary>The actions a method offers, in display order.</summary>
    public static ParticipationAction[] Actions(PhaseMethod method) =>
        method switch
        {
            PhaseMethod.Ideation => [ParticipationAction.PostIdea, ParticipationAction.Comment, ParticipationAction.React],
            PhaseMethod.Voting => [ParticipationAction.Vote, ParticipationAction.Comment],
            PhaseMethod.Budgeting => [ParticipationAction.Vote, ParticipationAction.Comment],
            PhaseMethod.Survey or PhaseMethod.Poll => [ParticipationAction.Answer],
            _ => [],
        };

    /// <summary>The defaults a new phase gets for what its author leaves out.</summary>
    public static PhaseSettings WithDefaults(PhaseMethod method, PhaseSettings? s)
    {
        s ??= new PhaseSettings();
        var p = s.Permissions ?? new PhasePermissions();
        return method switch
        {
            PhaseMethod.Ideation => s with
            {
                Permissions = new(
                    PostIdea: p.PostIdea ?? Audience.ConfirmedEmail,
                    Comment: p.Comment ?? Audience.ConfirmedEmail,
                    React: p.React ?? Audience.Registered
                ),
                Dislikes = s.Dislikes ?? false,
                Map = s.Map ?? false,
                PreModeration = s.PreModeration ?? false,
            },
            PhaseMethod.Voting => s with
            {
                Permissions = new(Vote: p.Vote ?? Audience.ConfirmedEmail, Comment: p.Comment ?? Audience.ConfirmedEmail),
                ResultsPublic = s.ResultsPublic ?? false,
            },
            PhaseMethod.Budgeting => s with
            {
                Permissions = new(Vote: p.Vote ?? Audience.ConfirmedEmail, Comment: p.Comment ?? Audience.ConfirmedEmail),
                BudgetCurrency = s.BudgetCurrency ?? "EUR",
                ResultsPublic = s.ResultsPublic ?? false,
            },
            PhaseMethod.Survey or PhaseMethod.Poll => s with
            {
                Permissions = new(Answer: p.Answer ?? Audience.Registered),
                ResultsPublic = s.ResultsPublic ?? false,
            },
            _ => new PhaseSettings(),
        };
    }
}
