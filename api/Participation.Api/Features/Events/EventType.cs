using System.Text.Json.Serialization;

namespace Participation.Api.Features.Events;

/// <summary>
/// The closed catalogue of what can happen on the platform. Each type has one subject type and says whether it is a
/// staff action shown in the audit log (<see cref="EventCatalogue"/>). Wire names are "subject.verb_in_past".
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum EventType
{
    [JsonStringEnumMemberName("department.created")]
    DepartmentCreated,

    [JsonStringEnumMemberName("department.renamed")]
    DepartmentRenamed,

    [JsonStringEnumMemberName("department.deleted")]
    DepartmentDeleted,

    [JsonStringEnumMemberName("role.granted")]
    RoleGranted,

    [JsonStringEnumMemberName("role.revoked")]
    RoleRevoked,

    [JsonStringEnumMemberName("user.blocked")]
    UserBlocked,

    [JsonStringEnumMemberName("user.unblocked")]
    UserUnblocked,

    [JsonStringEnumMemberName("invitation.created")]
    InvitationCreated,

    [JsonStringEnumMemberName("invitation.resent")]
    InvitationResent,

    [JsonStringEnumMemberName("invitation.revoked")]
    InvitationRevoked,

    [JsonStringEnumMemberName("organisation.verified")]
    OrganisationVerified,

    [JsonStringEnumMemberName("organisation.rejected")]
    OrganisationRejected,

    [JsonStringEnumMemberName("project.created")]
    ProjectCreated,

    [JsonStringEnumMemberName("project.edited")]
    ProjectEdited,

    [JsonStringEnumMemberName("project.status_changed")]
    ProjectStatusChanged,

    [JsonStringEnumMemberName("project.image_changed")]
    ProjectImageChanged,

    [JsonStringEnumMemberName("project.preview_link_created")]
    ProjectPreviewLinkCreated,

    [JsonStringEnumMemberName("project.preview_link_revoked")]
    ProjectPreviewLinkRevoked,

    [JsonStringEnumMemberName("phase.added")]
    PhaseAdded,

    [JsonStringEnumMemberName("phase.changed")]
    PhaseChanged,

    [JsonStringEnumMemberName("phase.removed")]
    PhaseRemoved,

    [JsonStringEnumMemberName("survey.saved")]
    SurveySaved,

    [JsonStringEnumMemberName("survey.exported")]
    SurveyExported,

    [JsonStringEnumMemberName("idea.submitted")]
    IdeaSubmitted,

    [JsonStringEnumMemberName("idea.approved")]
    IdeaApproved,

    [JsonStringEnumMemberName("idea.rejected")]
    IdeaRejected,

    [JsonStringEnumMemberName("idea.status_changed")]
    IdeaStatusChanged,

    [JsonStringEnumMemberName("idea.cost_set")]
    IdeaCostSet,

    [JsonStringEnumMemberName("idea.note_added")]
    IdeaNoteAdded,

    [JsonStringEnumMemberName("idea.hidden")]
    IdeaHidden,

    [JsonStringEnumMemberName("idea.kept")]
    IdeaKept,

    [JsonStringEnumMemberName("comment.posted")]
    CommentPosted,

    [JsonStringEnumMemberName("comment.hidden")]
    CommentHidden,

    [JsonStringEnumMemberName("comment.kept")]
    CommentKept,

    // Residents' participation facts (never audited: the staff audit log does not show residents' acts). Each is
    // recorded only when something changed: a repeated identical request records nothing.
    [JsonStringEnumMemberName("idea.edited")]
    IdeaEdited,

    [JsonStringEnumMemberName("idea.withdrawn")]
    IdeaWithdrawn,

    [JsonStringEnumMemberName("idea.reaction_changed")]
    IdeaReactionChanged,

    [JsonStringEnumMemberName("idea.followed")]
    IdeaFollowed,

    [JsonStringEnumMemberName("idea.unfollowed")]
    IdeaUnfollowed,

    [JsonStringEnumMemberName("idea.flagged")]
    IdeaFlagged,

    // An idea's photos and documents (by its author, or by its staff: the actor says who).
    [JsonStringEnumMemberName("idea.attachment_added")]
    IdeaAttachmentAdded,

    [JsonStringEnumMemberName("idea.attachment_edited")]
    IdeaAttachmentEdited,

    [JsonStringEnumMemberName("idea.attachment_removed")]
    IdeaAttachmentRemoved,

    [JsonStringEnumMemberName("idea.attachments_reordered")]
    IdeaAttachmentsReordered,

    [JsonStringEnumMemberName("comment.edited")]
    CommentEdited,

    [JsonStringEnumMemberName("comment.deleted")]
    CommentDeleted,

    [JsonStringEnumMemberName("comment.liked")]
    CommentLiked,

    [JsonStringEnumMemberName("comment.unliked")]
    CommentUnliked,

    [JsonStringEnumMemberName("project.followed")]
    ProjectFollowed,

    [JsonStringEnumMemberName("project.unfollowed")]
    ProjectUnfollowed,

    [JsonStringEnumMemberName("comment.flagged")]
    CommentFlagged,

    [JsonStringEnumMemberName("vote.cast")]
    VoteCast,

    [JsonStringEnumMemberName("vote.removed")]
    VoteRemoved,

    [JsonStringEnumMemberName("basket.idea_added")]
    BasketIdeaAdded,

    [JsonStringEnumMemberName("basket.idea_removed")]
    BasketIdeaRemoved,

    [JsonStringEnumMemberName("basket.submitted")]
    BasketSubmitted,

    [JsonStringEnumMemberName("basket.reopened")]
    BasketReopened,

    [JsonStringEnumMemberName("survey.response_submitted")]
    SurveyResponseSubmitted,

    [JsonStringEnumMemberName("poll.answered")]
    PollAnswered,

    [JsonStringEnumMemberName("poll.answer_withdrawn")]
    PollAnswerWithdrawn,

    [JsonStringEnumMemberName("organisation.created")]
    OrganisationCreated,

    [JsonStringEnumMemberName("organisation.edited")]
    OrganisationEdited,

    [JsonStringEnumMemberName("organisation.member_invited")]
    OrganisationMemberInvited,

    [JsonStringEnumMemberName("organisation.member_joined")]
    OrganisationMemberJoined,

    [JsonStringEnumMemberName("organisation.member_removed")]
    OrganisationMemberRemoved,

    [JsonStringEnumMemberName("organisation.member_invitation_withdrawn")]
    OrganisationMemberInvitationWithdrawn,

    [JsonStringEnumMemberName("user.registered")]
    UserRegistered,

    [JsonStringEnumMemberName("user.email_confirmed")]
    UserEmailConfirmed,

    [JsonStringEnumMemberName("user.profile_edited")]
    UserProfileEdited,

    [JsonStringEnumMemberName("user.password_changed")]
    UserPasswordChanged,

    // A person deleted their account: the subject is the former-participant account their contributions moved to.
    [JsonStringEnumMemberName("user.account_deleted")]
    UserAccountDeleted,

    // An inactive resident's account deleted by the platform's retention setting (after a warning): the subject is the
    // former-participant account, the actor the platform; nothing about the person.
    [JsonStringEnumMemberName("user.inactive_account_deleted")]
    UserInactiveAccountDeleted,

    // An organisation closed because its last member deleted their account (hidden from lists, its content kept).
    [JsonStringEnumMemberName("organisation.closed")]
    OrganisationClosed,

    // API clients: created, edited, given a new secret or revoked by an admin or the IT manager (audited).
    [JsonStringEnumMemberName("api_client.created")]
    ApiClientCreated,

    [JsonStringEnumMemberName("api_client.edited")]
    ApiClientEdited,

    [JsonStringEnumMemberName("api_client.secret_rotated")]
    ApiClientSecretRotated,

    [JsonStringEnumMemberName("api_client.revoked")]
    ApiClientRevoked,

    [JsonStringEnumMemberName("widget.created")]
    WidgetCreated,

    [JsonStringEnumMemberName("widget.edited")]
    WidgetEdited,

    [JsonStringEnumMemberName("widget.deleted")]
    WidgetDeleted,

    // Webhook subscriptions: managed by their API client (webhooks:manage), admins or the IT manager (audited, with the
    // client as actor when it acts); disabled by the platform itself when its deliveries keep failing.
    [JsonStringEnumMemberName("webhook.created")]
    WebhookCreated,

    [JsonStringEnumMemberName("webhook.edited")]
    WebhookEdited,

    [JsonStringEnumMemberName("webhook.deleted")]
    WebhookDeleted,

    [JsonStringEnumMemberName("webhook.secret_rotated")]
    WebhookSecretRotated,

    [JsonStringEnumMemberName("webhook.enabled")]
    WebhookEnabled,

    [JsonStringEnumMemberName("webhook.disabled")]
    WebhookDisabled,

    [JsonStringEnumMemberName("webhook.delivery_replayed")]
    WebhookDeliveryReplayed,

    [JsonStringEnumMemberName("webhook.test_sent")]
    WebhookTestSent,

    // Staff exports: asking for one and downloading its file (audited: who took which data out, of which scope).
    [JsonStringEnumMemberName("export.requested")]
    ExportRequested,

    [JsonStringEnumMemberName("export.downloaded")]
    ExportDownloaded,

    // The ideas manager: a staff member made responsible for answering an idea; the project's feedback templates (audited).
    [JsonStringEnumMemberName("idea.assigned")]
    IdeaAssigned,

    [JsonStringEnumMemberName("feedback_template.created")]
    FeedbackTemplateCreated,

    [JsonStringEnumMemberName("feedback_template.edited")]
    FeedbackTemplateEdited,

    [JsonStringEnumMemberName("feedback_template.deleted")]
    FeedbackTemplateDeleted,

    // Digests: a department head's monthly summary or a moderator's weekly digest was e-mailed (by the platform; the
    // subject is the recipient; data: kind, periodStart, periodEnd, items). Skipped ones are only in the digests table.
    [JsonStringEnumMemberName("digest.sent")]
    DigestSent,

    // The results report for the decision maker (one per project): composed, downloaded and sent by staff (audited).
    [JsonStringEnumMemberName("report.edited")]
    ReportEdited,

    [JsonStringEnumMemberName("report.downloaded")]
    ReportDownloaded,

    [JsonStringEnumMemberName("report.sent")]
    ReportSent,

    // Elected officials' briefings: the admin's schedule changed; a briefing e-mailed (by the schedule or "send now").
    [JsonStringEnumMemberName("briefing.schedule_changed")]
    BriefingScheduleChanged,

    [JsonStringEnumMemberName("briefing.sent")]
    BriefingSent,

    // An image uploaded by staff for a rich text (its key is the subject; platform-wide, as images are not tied to a text).
    [JsonStringEnumMemberName("media.image_uploaded")]
    MediaImageUploaded,

    // Events with calendars: written by staff (audited); residents register and cancel (not audited); the platform
    // registers the first waiting person when a place frees up (data: userId).
    [JsonStringEnumMemberName("calendar_event.created")]
    CalendarEventCreated,

    [JsonStringEnumMemberName("calendar_event.updated")]
    CalendarEventUpdated,

    [JsonStringEnumMemberName("calendar_event.cancelled")]
    CalendarEventCancelled,

    [JsonStringEnumMemberName("calendar_event.registered")]
    CalendarEventRegistered,

    [JsonStringEnumMemberName("calendar_event.registration_cancelled")]
    CalendarEventRegistrationCancelled,

    [JsonStringEnumMemberName("calendar_event.promoted")]
    CalendarEventPromoted,

    // The platform's settings and branding (name, colours, languages, map, contact, legal, sender, logo, favicon): an admin's
    // save, with the fields that changed (the logo and favicon by their version).
    [JsonStringEnumMemberName("platform.settings_changed")]
    PlatformSettingsChanged,

    // An admin set (or turned off) the retention of inactive accounts: the number of months before and after.
    [JsonStringEnumMemberName("platform.account_retention_changed")]
    PlatformAccountRetentionChanged,

    // E-mail campaigns by communication managers and admins: written, tested, scheduled, cancelled; sent by the platform
    // (the job that freezes the recipients), with their number.
    [JsonStringEnumMemberName("campaign.created")]
    CampaignCreated,

    [JsonStringEnumMemberName("campaign.edited")]
    CampaignEdited,

    [JsonStringEnumMemberName("campaign.test_sent")]
    CampaignTestSent,

    [JsonStringEnumMemberName("campaign.scheduled")]
    CampaignScheduled,

    [JsonStringEnumMemberName("campaign.cancelled")]
    CampaignCancelled,

    [JsonStringEnumMemberName("campaign.sent")]
    CampaignSent,

    // A resident's newsletter consent (at registration, in their preferences, or by a campaign's unsubscribe link).
    [JsonStringEnumMemberName("user.newsletter_consent_given")]
    NewsletterConsentGiven,

    [JsonStringEnumMemberName("user.newsletter_consent_withdrawn")]
    NewsletterConsentWithdrawn,

    // Pages (about, privacy, terms, accessibility, FAQ, free pages): written by admins and communication managers.
    [JsonStringEnumMemberName("page.created")]
    PageCreated,

    [JsonStringEnumMemberName("page.updated")]
    PageUpdated,

    [JsonStringEnumMemberName("page.published")]
    PagePublished,

    [JsonStringEnumMemberName("page.unpublished")]
    PageUnpublished,

    [JsonStringEnumMemberName("page.deleted")]
    PageDeleted,

    // The home page (per language): its draft saved, then published, by admins and communication managers.
    [JsonStringEnumMemberName("home_page.updated")]
    HomePageUpdated,

    [JsonStringEnumMemberName("home_page.published")]
    HomePagePublished,

    // Topics and areas (neighbourhoods) that projects and ideas are tagged from: kept by admins (audited, platform-wide).
    [JsonStringEnumMemberName("topic.created")]
    TopicCreated,

    [JsonStringEnumMemberName("topic.updated")]
    TopicUpdated,

    [JsonStringEnumMemberName("topic.archived")]
    TopicArchived,

    [JsonStringEnumMemberName("topic.restored")]
    TopicRestored,

    [JsonStringEnumMemberName("area.created")]
    AreaCreated,

    [JsonStringEnumMemberName("area.updated")]
    AreaUpdated,

    [JsonStringEnumMemberName("area.archived")]
    AreaArchived,

    [JsonStringEnumMemberName("area.restored")]
    AreaRestored,

    [JsonStringEnumMemberName("content_calendar.feed_created")]
    ContentCalendarFeedCreated,

    [JsonStringEnumMemberName("content_calendar.feed_revoked")]
    ContentCalendarFeedRevoked,

    // A phase's start has passed (announced once by the platform's job, which notifies the project's followers).
    [JsonStringEnumMemberName("phase.started")]
    PhaseStarted,

    // Consents: an admin published a new version of the terms of use; a person accepted a version (at registration or
    // when asked after a change).
    [JsonStringEnumMemberName("platform.terms_version_published")]
    TermsVersionPublished,

    [JsonStringEnumMemberName("user.terms_accepted")]
    TermsAccepted,

    // A project's setup checklist (decision process, key dates, public goals, stakeholders) saved by its staff.
    [JsonStringEnumMemberName("project.setup_edited")]
    ProjectSetupEdited,

    // Support with consent (issue 19): an admin opened the city's staff area to the vendor's support for a time (or
    // extended it), or closed it; a staff member wrote to the vendor's support.
    [JsonStringEnumMemberName("support.granted")]
    SupportGranted,

    [JsonStringEnumMemberName("support.revoked")]
    SupportRevoked,

    // A support grant reached its end (recorded once by the platform's job, which takes back the support users' role).
    [JsonStringEnumMemberName("support.expired")]
    SupportExpired,

    [JsonStringEnumMemberName("support.request_sent")]
    SupportRequestSent,
}

/// <summary>What an event is about.</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum SubjectType
{
    Platform,
    Department,
    User,
    Invitation,
    Organisation,
    Project,
    Phase,
    Idea,
    Comment,
    Basket,
    SurveyResponse,
    ApiClient,
    Widget,
    Webhook,
    Export,
    FeedbackTemplate,
    Briefing,
    Media,
    CalendarEvent,
    Campaign,
    Page,
    Topic,
    Area,
    SupportGrant,
    SupportRequest,
}

/// <summary>Who made it happen: a person, the platform itself (a command-line operator, a scheduled job), an API client.</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum ActorType
{
    User,
    System,

    /// <summary>A person without an account (a survey or poll answered with a browser token): who, the event never says.</summary>
    Visitor,

    /// <summary>An API client (an integration with client credentials): its id is the actor's.</summary>
    Client,
}

/// <summary>One entry of the catalogue: what the event is about, and whether the audit log shows it (staff actions).</summary>
public readonly record struct EventKind(SubjectType Subject, bool Audited);

public static class EventCatalogue
{
    /// <summary>Every type's entry; the switch has no default, so a new type does not compile until it is described.</summary>
#pragma warning disable CS8524 // undefined values (casts of numbers) are a programming error and throw
    public static EventKind Of(EventType type) =>
        type switch
        {
            EventType.DepartmentCreated or EventType.DepartmentRenamed or EventType.DepartmentDeleted => new(SubjectType.Department, true),
            EventType.RoleGranted or EventType.RoleRevoked or EventType.UserBlocked or EventType.UserUnblocked => new(
                SubjectType.User,
                true
            ),
            EventType.InvitationCreated or EventType.InvitationResent or EventType.InvitationRevoked => new(SubjectType.Invitation, true),
            EventType.OrganisationVerified or EventType.OrganisationRejected => new(SubjectType.Organisation, true),
            EventType.ProjectCreated
            or EventType.ProjectEdited
            or EventType.ProjectStatusChanged
            or EventType.ProjectImageChanged
            or EventType.ProjectPreviewLinkCreated
            or EventType.ProjectPreviewLinkRevoked => new(SubjectType.Project, true),
            // A phase's changes and its survey's are the project's (the phase is in the scope), as the audit log always had them.
            EventType.PhaseAdded or EventType.PhaseChanged or EventType.PhaseRemoved or EventType.SurveySaved => new(
                SubjectType.Project,
                true
            ),
            EventType.SurveyExported => new(SubjectType.Phase, true),
            EventType.IdeaApproved
            or EventType.IdeaRejected
            or EventType.IdeaStatusChanged
            or EventType.IdeaCostSet
            or EventType.IdeaHidden
            or EventType.IdeaKept => new(SubjectType.Idea, true),
            EventType.IdeaSubmitted or EventType.IdeaNoteAdded => new(SubjectType.Idea, false),
            EventType.CommentHidden or EventType.CommentKept => new(SubjectType.Comment, true),
            EventType.CommentPosted => new(SubjectType.Comment, false),

            // Residents' participation facts: the actor is always the person (a visitor for anonymous survey and poll
            // answers), so "participants" are the distinct actors of these events in a scope and period. Votes, baskets
            // and answers are personal: they carry ids, never free text.
            EventType.IdeaEdited
            or EventType.IdeaWithdrawn
            or EventType.IdeaReactionChanged
            or EventType.IdeaFollowed
            or EventType.IdeaUnfollowed
            or EventType.IdeaFlagged
            or EventType.IdeaAttachmentAdded
            or EventType.IdeaAttachmentEdited
            or EventType.IdeaAttachmentRemoved
            or EventType.IdeaAttachmentsReordered => new(SubjectType.Idea, false),
            EventType.CommentEdited
            or EventType.CommentDeleted
            or EventType.CommentFlagged
            or EventType.CommentLiked
            or EventType.CommentUnliked => new(SubjectType.Comment, false),
            EventType.ProjectFollowed or EventType.ProjectUnfollowed => new(SubjectType.Project, false),
            // A vote is about the idea voted for (the phase in the scope): the change feed shows an idea's support moving.
            EventType.VoteCast or EventType.VoteRemoved => new(SubjectType.Idea, false),
            // A basket is one person's choice in one budgeting phase (the phase in the scope, the idea in the data): its
            // own subject, so a consumer follows a basket's lines and submission without reading everyone's in the phase.
            EventType.BasketIdeaAdded or EventType.BasketIdeaRemoved or EventType.BasketSubmitted or EventType.BasketReopened => new(
                SubjectType.Basket,
                false
            ),
            // A survey response or poll answer (the phase in the scope); never its answers' text. Drafts are not recorded:
            // saving one is work in progress, not an act anybody else sees or counts (the submission is the fact).
            EventType.SurveyResponseSubmitted or EventType.PollAnswered or EventType.PollAnswerWithdrawn => new(
                SubjectType.SurveyResponse,
                false
            ),
            // Organisations are platform-wide (no scope). Invitations are to an e-mail address, which no event carries.
            EventType.OrganisationCreated
            or EventType.OrganisationEdited
            or EventType.OrganisationMemberInvited
            or EventType.OrganisationMemberJoined
            or EventType.OrganisationMemberRemoved
            or EventType.OrganisationMemberInvitationWithdrawn
            or EventType.OrganisationClosed => new(SubjectType.Organisation, false),
            // Accounts: never the e-mail address, the password or a token. Logins and sessions are not facts (no event).
            EventType.UserRegistered or EventType.UserEmailConfirmed or EventType.UserProfileEdited or EventType.UserPasswordChanged => new(
                SubjectType.User,
                false
            ),
            // Audited (admins see that an account was deleted), naming only the former-participant account.
            EventType.UserAccountDeleted or EventType.UserInactiveAccountDeleted => new(SubjectType.User, true),
            EventType.ApiClientCreated or EventType.ApiClientEdited or EventType.ApiClientSecretRotated or EventType.ApiClientRevoked =>
                new(SubjectType.ApiClient, true),
            // Widgets for the city's website: staff configuration, platform-wide (admins see them in the audit log).
            EventType.WidgetCreated or EventType.WidgetEdited or EventType.WidgetDeleted => new(SubjectType.Widget, true),
            // Webhook subscriptions of API clients: configuration of integrations, platform-wide.
            EventType.WebhookCreated
            or EventType.WebhookEdited
            or EventType.WebhookDeleted
            or EventType.WebhookSecretRotated
            or EventType.WebhookEnabled
            or EventType.WebhookDisabled
            or EventType.WebhookDeliveryReplayed
            or EventType.WebhookTestSent => new(SubjectType.Webhook, true),
            // Staff exports of a scope's data (the scope is the export's project or department; platform-wide otherwise).
            EventType.ExportRequested or EventType.ExportDownloaded => new(SubjectType.Export, true),
            // The ideas manager: who answers an idea (staff only, never public) and the project's feedback templates.
            EventType.IdeaAssigned => new(SubjectType.Idea, true),
            EventType.FeedbackTemplateCreated or EventType.FeedbackTemplateEdited or EventType.FeedbackTemplateDeleted => new(
                SubjectType.FeedbackTemplate,
                true
            ),
            // Sent by the platform, not a staff action: not in the audit log (admins read the digests' log).
            EventType.DigestSent => new(SubjectType.User, false),
            // A project's results report: its subject is the project (one report each).
            EventType.ReportEdited or EventType.ReportDownloaded or EventType.ReportSent => new(SubjectType.Project, true),
            // Elected officials' briefings: the admin's schedule, and each briefing e-mailed (by the schedule, the platform
            // is the actor; by "send now", the admin). Skipped and opted-out briefings are in the briefings log only.
            EventType.BriefingScheduleChanged => new(SubjectType.Platform, true),
            EventType.BriefingSent => new(SubjectType.Briefing, true),
            EventType.MediaImageUploaded => new(SubjectType.Media, true),
            EventType.CalendarEventCreated or EventType.CalendarEventUpdated or EventType.CalendarEventCancelled => new(
                SubjectType.CalendarEvent,
                true
            ),
            EventType.CalendarEventRegistered or EventType.CalendarEventRegistrationCancelled or EventType.CalendarEventPromoted => new(
                SubjectType.CalendarEvent,
                false
            ),
            EventType.PlatformSettingsChanged or EventType.PlatformAccountRetentionChanged => new(SubjectType.Platform, true),
            EventType.CampaignCreated
            or EventType.CampaignEdited
            or EventType.CampaignTestSent
            or EventType.CampaignScheduled
            or EventType.CampaignCancelled
            or EventType.CampaignSent => new(SubjectType.Campaign, true),
            EventType.NewsletterConsentGiven or EventType.NewsletterConsentWithdrawn => new(SubjectType.User, false),
            // By the platform (not a staff action): the phase is the subject, its project in the scope.
            EventType.PhaseStarted => new(SubjectType.Phase, false),
            EventType.TermsVersionPublished => new(SubjectType.Platform, true),
            EventType.TermsAccepted => new(SubjectType.User, false),
            EventType.PageCreated
            or EventType.PageUpdated
            or EventType.PagePublished
            or EventType.PageUnpublished
            or EventType.PageDeleted => new(SubjectType.Page, true),
            EventType.HomePageUpdated or EventType.HomePagePublished => new(SubjectType.Platform, true),
            EventType.TopicCreated or EventType.TopicUpdated or EventType.TopicArchived or EventType.TopicRestored => new(
                SubjectType.Topic,
                true
            ),
            EventType.AreaCreated or EventType.AreaUpdated or EventType.AreaArchived or EventType.AreaRestored => new(
                SubjectType.Area,
                true
            ),
            // A staff member's private content calendar feed (the subject is its owner): created, rotated or revoked.
            EventType.ContentCalendarFeedCreated or EventType.ContentCalendarFeedRevoked => new(SubjectType.User, true),
            EventType.ProjectSetupEdited => new(SubjectType.Project, true),
            EventType.SupportGranted or EventType.SupportRevoked or EventType.SupportExpired => new(SubjectType.SupportGrant, true),
            EventType.SupportRequestSent => new(SubjectType.SupportRequest, true),
        };
#pragma warning restore CS8524

    public static readonly EventType[] All = Enum.GetValues<EventType>();
}
