using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Projects;

/// <summary>Settings must fit the method: a field that does not apply is an error, not silently kept.</summary>
public sealed class PhaseSettingsRules : AbstractValidator<PhaseRequest>
{
    public PhaseSettingsRules()
    {
        RuleFor(x => x.Settings)
            .Custom(
                (s, context) =>
                {
                    var method = context.InstanceToValidate.Method;
                    if (s is null)
                    {
                        if (method == PhaseMethod.Budgeting)
                            context.AddFailure("settings.budgetAmount", Messages.Get("budget_required"));
                        return;
                    }
                    var p = s.Permissions ?? new PhasePermissions();
                    void NotFor(bool present, string field)
                    {
                        if (present)
                            context.AddFailure($"settings.{field}", Messages.Get("setting_not_for_method"));
                    }
                    void CheckAudience(Audience? value, string field)
                    {
                        if (value is { } a && !Enum.IsDefined(a))
                            context.AddFailure($"settings.permissions.{field}", Messages.Get("audience"));
                    }
                    CheckAudience(p.PostIdea, "postIdea");
                    CheckAudience(p.Comment, "comment");
                    CheckAudience(p.React, "react");
                    CheckAudience(p.Vote, "vote");
                    CheckAudience(p.Answer, "answer");

                    var ideation = method == PhaseMethod.Ideation;
                    var voting = method is PhaseMethod.Voting;
                    var budgeting = method is PhaseMethod.Budgeting;
                    var answering = method is PhaseMethod.Survey or PhaseMethod.Poll;
                    NotFor(p.PostIdea is not null && !ideation, "permissions.postIdea");
                    NotFor(p.React is not null && !ideation, "permissions.react");
                    NotFor(p.Comment is not null && !(ideation || voting || budgeting), "permissions.comment");
                    NotFor(p.Vote is not null && !(voting || budgeting), "permissions.vote");
                    NotFor(p.Answer is not null && !answering, "permissions.answer");
                    NotFor(s.IdeasPerUser is not null && !ideation, "ideasPerUser");
                    NotFor(s.ReactionsPerUser is not null && !ideation, "reactionsPerUser");
                    NotFor(s.Dislikes is not null && !ideation, "dislikes");
                    NotFor(s.Map is not null && !ideation, "map");
                    NotFor(s.PreModeration is not null && !ideation, "preModeration");
                    NotFor(s.VotesPerUser is not null && !voting, "votesPerUser");
                    NotFor((s.BudgetAmount is not null || s.BudgetCurrency is not null) && !budgeting, "budgetAmount");
                    NotFor(s.MinimumSpend is not null && !budgeting, "minimumSpend");
                    NotFor(s.MinimumIdeas is not null && !budgeting, "minimumIdeas");
                    NotFor(s.ResultsPublic is not null && !(voting || budgeting || answering), "resultsPublic");
                    if (s.MinimumSpend is < 0 || (s.MinimumSpend is { } min && s.BudgetAmount is { } budget && min > budget))
                        context.AddFailure("settings.minimumSpend", Messages.Get("minimum_spend"));
                    if (s.MinimumIdeas is < 1 or > 1000)
                        context.AddFailure("settings.minimumIdeas", Messages.Get("between_1_1000"));
                    if (s.IdeasPerUser is < 1 or > 1000)
                        context.AddFailure("settings.ideasPerUser", Messages.Get("between_1_1000"));
                    if (s.ReactionsPerUser is < 1 or > 100000)
                        context.AddFailure("settings.reactionsPerUser", Messages.Get("between_1_100000"));
                    if (s.VotesPerUser is < 1 or > 1000)
                        context.AddFailure("settings.votesPerUser", Messages.Get("between_1_1000"));
                    if (budgeting && s.BudgetAmount is not (> 0 and <= 1_000_000_000))
                        context.AddFailure("settings.budgetAmount", Messages.Get("budget_required"));
                    if (s.BudgetCurrency is not null && (s.BudgetCurrency.Length != 3 || !s.BudgetCurrency.All(char.IsAsciiLetterUpper)))
                        context.AddFailure("settings.budgetCurrency", Messages.Get("currency"));
                }
            );
    }
}
