using System.Collections.Frozen;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// An item of a staff role's onboarding checklist. Each is done when the platform holds its result (a department, an
/// accepted invitation, a published page, a widget...), never because somebody ticked it.
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OnboardingStep
{
    // Admin (source text §3): strategy, initial configuration, political lead(s), inviting heads and moderators.
    PlatformConfigured,
    DepartmentCreated,
    DepartmentHeadInvited,
    DepartmentHeadJoined,
    ModeratorJoined,
    ElectedOfficialAdded,

    // Communication manager (§4): the platform in the city's communication and its content calendar.
    HomePageEdited,
    PagePublished,
    EventAnnounced,
    CampaignScheduled,
    ContentCalendarSubscribed,

    // IT manager (§5): connect the platform to the organisation's website.
    WidgetCreated,
    ApiClientCreated,
    WebhookSubscribed,

    // Department head (§6): manage the project moderators, keep the platform on the agenda.
    DepartmentModeratorAssigned,
    DepartmentProjectPublished,

    // Project moderator (§7): design the project page, involve the target audience, report results to the decision maker.
    ProjectPageDesigned,
    TargetAudienceDescribed,
    PhasesPlanned,
    IdeaAnswered,
    ReportComposed,

    // Elected official (§2): the update by e-mail at launch and every few months.
    BriefingReceived,
}

/// <summary>An item of a project's setup checklist (the source text's closing reminders).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ProjectSetupStep
{
    DecisionProcess,
    KeyDates,
    PublicGoals,
    Stakeholders,
}

/// <summary>Which items make up each role's checklist, in the order shown.</summary>
public static class OnboardingSteps
{
    public static readonly FrozenDictionary<Role, OnboardingStep[]> ByRole = new Dictionary<Role, OnboardingStep[]>
    {
        [Role.Admin] =
        [
            OnboardingStep.PlatformConfigured,
            OnboardingStep.DepartmentCreated,
            OnboardingStep.DepartmentHeadInvited,
            OnboardingStep.DepartmentHeadJoined,
            OnboardingStep.ModeratorJoined,
            OnboardingStep.ElectedOfficialAdded,
        ],
        [Role.CommunicationManager] =
        [
            OnboardingStep.HomePageEdited,
            OnboardingStep.PagePublished,
            OnboardingStep.EventAnnounced,
            OnboardingStep.CampaignScheduled,
            OnboardingStep.ContentCalendarSubscribed,
        ],
        [Role.ItManager] = [OnboardingStep.WidgetCreated, OnboardingStep.ApiClientCreated, OnboardingStep.WebhookSubscribed],
        [Role.DepartmentHead] = [OnboardingStep.DepartmentModeratorAssigned, OnboardingStep.DepartmentProjectPublished],
        [Role.ProjectModerator] =
        [
            OnboardingStep.ProjectPageDesigned,
            OnboardingStep.TargetAudienceDescribed,
            OnboardingStep.PhasesPlanned,
            OnboardingStep.IdeaAnswered,
            OnboardingStep.ReportComposed,
        ],
        [Role.ElectedOfficial] = [OnboardingStep.BriefingReceived],
    }.ToFrozenDictionary();
}
