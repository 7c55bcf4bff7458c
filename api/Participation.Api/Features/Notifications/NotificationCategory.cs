using System.Text.Json.Serialization;

namespace Participation.Api.Features.Notifications;

/// <summary>What a notification is about; each person chooses a <see cref="NotificationChannel"/> per category.</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum NotificationCategory
{
    IdeaStatusMine,
    IdeaStatusFollowed,
    CommentOnMyIdea,
    ReplyToMyComment,
    NewIdeaToModerate,
    ContentHidden,
    Mention,

    /// <summary>A colleague made you responsible for answering an idea (the ideas manager).</summary>
    IdeaAssigned,

    /// <summary>A department head's monthly summary of their department (e-mail only: any other channel turns it off).</summary>
    DepartmentSummary,

    /// <summary>A project moderator's weekly "waiting for you" digest (e-mail only: any other channel turns it off).</summary>
    ModeratorDigest,

    /// <summary>Elected officials' briefings about their scope (e-mail only: the periodic briefing and project launches).</summary>
    Briefing,

    /// <summary>A project you follow: one of its phases started, or a decision on one of its ideas was published.</summary>
    ProjectUpdatesFollowed,
}

/// <summary>How a person hears about a category: e-mail and in-app, in-app only, or not at all.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum NotificationChannel
{
    Email,
    InApp,
    Off,
}

/// <summary>Notification categories and what a person gets when they did not choose.</summary>
public static class NotificationCategories
{
    /// <summary>The wire names of <see cref="NotificationCategory"/>, as stored.</summary>
    public static readonly string[] All = WireEnum<NotificationCategory>.All;

    /// <summary>Followed ideas and assignments (given in bulk while sorting ideas) can be many: in-app only unless the person asks
    /// for e-mails.</summary>
    public static NotificationChannel Default(NotificationCategory category) =>
        category is NotificationCategory.IdeaStatusFollowed or NotificationCategory.IdeaAssigned
            ? NotificationChannel.InApp
            : NotificationChannel.Email;

    /// <summary>The role a category is for: only people holding it see it among their preferences (null: everyone).</summary>
    public static string? RoleOf(NotificationCategory category) => category is NotificationCategory.Briefing ? "elected_official" : null;
}
