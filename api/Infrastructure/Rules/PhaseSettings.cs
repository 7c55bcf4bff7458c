namespace Participation.Api.Infrastructure.Rules;

/// <summary>Who may do an action in a phase.</summary>
public static class Audience
{
    public const string Everyone = "everyone";
    public const string Registered = "registered";
    public const string ConfirmedEmail = "confirmed_email";
    public const string Staff = "staff";
    public static readonly string[] All = [Everyone, Registered, ConfirmedEmail, Staff];
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
    bool? ResultsPublic = null);

public sealed record PhasePermissions(string? PostIdea = null, string? Comment = null, string? React = null, string? Vote = null, string? Answer = null);

public static class Methods
{
    public const string Information = "information";
    public const string Ideation = "ideation";
    public const string Voting = "voting";
    public const string Budgeting = "budgeting";
    public const string Survey = "survey";
    public const string Poll = "poll";
    public static readonly string[] All = [Information, Ideation, Voting, Budgeting, Survey, Poll];

    /// <summary>The actions a method offers, in display order.</summary>
    public static string[] Actions(string method) => method switch
    {
        Ideation => ["post_idea", "comment", "react"],
        Voting => ["vote", "comment"],
        Budgeting => ["vote", "comment"],
        Survey or Poll => ["answer"],
        _ => [],
    };

    /// <summary>The defaults a new phase gets for what its author leaves out.</summary>
    public static PhaseSettings WithDefaults(string method, PhaseSettings? s)
    {
        s ??= new PhaseSettings();
        var p = s.Permissions ?? new PhasePermissions();
        return method switch
        {
            Ideation => s with
            {
                Permissions = new(PostIdea: p.PostIdea ?? Audience.ConfirmedEmail, Comment: p.Comment ?? Audience.ConfirmedEmail, React: p.React ?? Audience.Registered),
                Dislikes = s.Dislikes ?? false, Map = s.Map ?? false, PreModeration = s.PreModeration ?? false,
            },
            Voting => s with { Permissions = new(Vote: p.Vote ?? Audience.ConfirmedEmail, Comment: p.Comment ?? Audience.ConfirmedEmail), ResultsPublic = s.ResultsPublic ?? false },
            Budgeting => s with
            {
                Permissions = new(Vote: p.Vote ?? Audience.ConfirmedEmail, Comment: p.Comment ?? Audience.ConfirmedEmail), BudgetCurrency = s.BudgetCurrency ?? "EUR",
                ResultsPublic = s.ResultsPublic ?? false,
            },
            Survey or Poll => s with { Permissions = new(Answer: p.Answer ?? Audience.Registered), ResultsPublic = s.ResultsPublic ?? false },
            _ => new PhaseSettings(),
        };
    }
}

