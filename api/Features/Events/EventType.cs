using System.Text.Json.Serialization;

namespace Participation.Api.Features.Events;

/// <summary>
/// The closed catalogue of what can happen on the platform. Each type has one subject type and says whether it is a
/// staff action shown in the audit log (<see cref="EventCatalogue"/>). Wire names are "subject.verb_in_past".
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum EventType
{
    [JsonStringEnumMemberName("department.created")] DepartmentCreated,
    [JsonStringEnumMemberName("department.renamed")] DepartmentRenamed,
    [JsonStringEnumMemberName("department.deleted")] DepartmentDeleted,

    [JsonStringEnumMemberName("role.granted")] RoleGranted,
    [JsonStringEnumMemberName("role.revoked")] RoleRevoked,
    [JsonStringEnumMemberName("user.blocked")] UserBlocked,
    [JsonStringEnumMemberName("user.unblocked")] UserUnblocked,

    [JsonStringEnumMemberName("invitation.created")] InvitationCreated,
    [JsonStringEnumMemberName("invitation.resent")] InvitationResent,
    [JsonStringEnumMemberName("invitation.revoked")] InvitationRevoked,

    [JsonStringEnumMemberName("organisation.verified")] OrganisationVerified,
    [JsonStringEnumMemberName("organisation.rejected")] OrganisationRejected,

    [JsonStringEnumMemberName("project.created")] ProjectCreated,
    [JsonStringEnumMemberName("project.edited")] ProjectEdited,
    [JsonStringEnumMemberName("project.status_changed")] ProjectStatusChanged,
    [JsonStringEnumMemberName("project.image_changed")] ProjectImageChanged,
    [JsonStringEnumMemberName("project.preview_link_created")] ProjectPreviewLinkCreated,
    [JsonStringEnumMemberName("project.preview_link_revoked")] ProjectPreviewLinkRevoked,

    [JsonStringEnumMemberName("phase.added")] PhaseAdded,
    [JsonStringEnumMemberName("phase.changed")] PhaseChanged,
    [JsonStringEnumMemberName("phase.removed")] PhaseRemoved,

    [JsonStringEnumMemberName("survey.saved")] SurveySaved,
    [JsonStringEnumMemberName("survey.exported")] SurveyExported,

    [JsonStringEnumMemberName("idea.submitted")] IdeaSubmitted,
    [JsonStringEnumMemberName("idea.approved")] IdeaApproved,
    [JsonStringEnumMemberName("idea.rejected")] IdeaRejected,
    [JsonStringEnumMemberName("idea.status_changed")] IdeaStatusChanged,
    [JsonStringEnumMemberName("idea.cost_set")] IdeaCostSet,
    [JsonStringEnumMemberName("idea.note_added")] IdeaNoteAdded,
    [JsonStringEnumMemberName("idea.hidden")] IdeaHidden,
    [JsonStringEnumMemberName("idea.kept")] IdeaKept,

    [JsonStringEnumMemberName("comment.posted")] CommentPosted,
    [JsonStringEnumMemberName("comment.hidden")] CommentHidden,
    [JsonStringEnumMemberName("comment.kept")] CommentKept,
}

/// <summary>What an event is about.</summary>
[JsonConverter(typeof(WireEnumConverter))]
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
}

/// <summary>Who made it happen: a person, the platform itself (a command-line operator, a scheduled job), later an API client.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ActorType
{
    User,
    System,
}

/// <summary>One entry of the catalogue: what the event is about, and whether the audit log shows it (staff actions).</summary>
public readonly record struct EventKind(SubjectType Subject, bool Audited);

public static class EventCatalogue
{
    /// <summary>Every type's entry; the switch has no default, so a new type does not compile until it is described.</summary>
#pragma warning disable CS8524 // undefined values (casts of numbers) are a programming error and throw
    public static EventKind Of(EventType type) => type switch
    {
        EventType.DepartmentCreated or EventType.DepartmentRenamed or EventType.DepartmentDeleted => new(SubjectType.Department, true),
        EventType.RoleGranted or EventType.RoleRevoked or EventType.UserBlocked or EventType.UserUnblocked => new(SubjectType.User, true),
        EventType.InvitationCreated or EventType.InvitationResent or EventType.InvitationRevoked => new(SubjectType.Invitation, true),
        EventType.OrganisationVerified or EventType.OrganisationRejected => new(SubjectType.Organisation, true),
        EventType.ProjectCreated or EventType.ProjectEdited or EventType.ProjectStatusChanged or EventType.ProjectImageChanged
            or EventType.ProjectPreviewLinkCreated or EventType.ProjectPreviewLinkRevoked => new(SubjectType.Project, true),
        // A phase's changes and its survey's are the project's (the phase is in the scope), as the audit log always had them.
        EventType.PhaseAdded or EventType.PhaseChanged or EventType.PhaseRemoved or EventType.SurveySaved => new(SubjectType.Project, true),
        EventType.SurveyExported => new(SubjectType.Phase, true),
        EventType.IdeaApproved or EventType.IdeaRejected or EventType.IdeaStatusChanged or EventType.IdeaCostSet
            or EventType.IdeaHidden or EventType.IdeaKept => new(SubjectType.Idea, true),
        EventType.IdeaSubmitted or EventType.IdeaNoteAdded => new(SubjectType.Idea, false),
        EventType.CommentHidden or EventType.CommentKept => new(SubjectType.Comment, true),
        EventType.CommentPosted => new(SubjectType.Comment, false),
    };
#pragma warning restore CS8524

    public static readonly EventType[] All = Enum.GetValues<EventType>();
}
