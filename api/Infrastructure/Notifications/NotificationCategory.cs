using System.Text.Json.Serialization;

namespace Participation.Api.Infrastructure.Notifications;

/// <summary>What a notification is about; each person chooses a <see cref="NotificationChannel"/> per category.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum NotificationCategory
{
    IdeaStatusMine,
    IdeaStatusFollowed,
    CommentOnMyIdea,
    ReplyToMyComment,
    NewIdeaToModerate,
    ContentHidden,
    Mention,
}

/// <summary>How a person hears about a category: e-mail and in-app, in-app only, or not at all.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum NotificationChannel
{
    Email,
    InApp,
    Off,
}
